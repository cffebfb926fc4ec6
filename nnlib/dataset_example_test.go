package nnlib_test

import (
	"fmt"

	"github.com/nnbook/nnbook/nnlib"
)

// XOR is the smallest problem a single neuron cannot solve; a 2-3-1 network
// learns it.
func ExampleXOR() {
	d := nnlib.XOR()
	fmt.Print(d.Head(4))

	net, _ := nnlib.Build([]int{2, 3, 1}, nnlib.WithHidden(nnlib.Tanh), nnlib.WithOptimizer(nnlib.Adam(0.05)), nnlib.WithSeed(1))
	net.Fit(d, nnlib.FitOptions{Epochs: 500})
	fmt.Println("accuracy:", nnlib.Accuracy(net, d))
	// Output:
	// Dataset "xor": 4 rows, 2 inputs → 1 output, classes [0 1]
	// a  b  t0  class
	// 0  0   0      0
	// 0  1   1      1
	// 1  0   1      1
	// 1  1   0      0
	// accuracy: 1
}

// Split shuffles with a seed and cuts: the same seed gives the same halves.
func ExampleDataset_Split() {
	train, test := nnlib.Iris().Split(0.8, 1)
	fmt.Println(train)
	fmt.Println(test)

	// Standardize the training inputs, then the test inputs with the same numbers.
	train, scaler := train.Standardize()
	test, _ = scaler.Apply(test)
	fmt.Printf("%.3f\n", scaler.Means)
	// Output:
	// Dataset "iris-train": 120 rows, 4 inputs → 3 outputs, classes [setosa versicolor virginica]
	// Dataset "iris-test": 30 rows, 4 inputs → 3 outputs, classes [setosa versicolor virginica]
	// [5.786 3.039 3.652 1.157]
}
