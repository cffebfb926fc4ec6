package nnlib_test

import (
	"fmt"
	"math"
	"strings"

	"github.com/nnbook/nnbook/nnlib"
)

// The gradient check compares backpropagation with central differences of the
// loss, parameter by parameter. fmt.Println(r) prints the whole table.
func ExampleGradCheck() {
	net := nnlib.WorkedExample()
	r, _ := nnlib.GradCheck(net, nnlib.WorkedInput(), nnlib.WorkedTarget())
	for _, row := range r.Rows {
		fmt.Printf("%-3s %13.10f %13.10f %v\n", row.Name, row.Analytic, row.Numeric, row.OK)
	}
	fmt.Println("pass:", r.Pass)

	// Plant a wrong derivative: σ(x) instead of σ(x)(1−σ(x)) for the hidden layer.
	sigmoid := func(x float64) float64 { return 1 / (1 + math.Exp(-x)) }
	nnlib.RegisterActivation("sigmoid_wrong_derivative", sigmoid, sigmoid)
	net.SetActivation(0, "sigmoid_wrong_derivative")
	r, _ = nnlib.GradCheck(net, nnlib.WorkedInput(), nnlib.WorkedTarget())
	lines := strings.Split(strings.TrimSpace(r.String()), "\n")
	fmt.Println(lines[len(lines)-1])
	// Output:
	// w1   0.0004385677  0.0004385677 true
	// w2   0.0008771355  0.0008771355 true
	// w3   0.0004977127  0.0004977127 true
	// w4   0.0009954255  0.0009954255 true
	// b1   0.0187256094  0.0187256094 true
	// w5   0.0821670406  0.0821670406 true
	// w6   0.0826676278  0.0826676278 true
	// w7  -0.0226025405 -0.0226025405 true
	// w8  -0.0227402422 -0.0227402422 true
	// b2   0.1004003251  0.1004003251 true
	// pass: true
	// FAIL: 5 of 10 parameters have a relative error > 1e-06 (largest 6.0e-01, w3)
}
