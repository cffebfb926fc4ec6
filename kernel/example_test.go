package kernel_test

import (
	"context"
	"fmt"

	"github.com/nnbook/nnbook/kernel"
)

func ExampleEngine_Execute() {
	e, err := kernel.New()
	if err != nil {
		panic(err)
	}
	cell := `x := 3
func sq(a int) int { return a * a }
fmt.Println("squaring", x)
sq(x)`
	// emit must not write to os.Stdout: it points into the cell's capture
	// while the cell runs. Collect the parts, print them afterwards.
	var parts []kernel.Part
	err = e.Execute(context.Background(), cell, func(p kernel.Part) {
		parts = append(parts, p)
	})
	for _, p := range parts {
		fmt.Printf("%s: %q\n", p.Kind, p.Text)
	}
	fmt.Println("error:", err)
	// Output:
	// stdout: "squaring 3\n"
	// value: "9"
	// error: <nil>
}

func ExampleEngine_Execute_compileError() {
	e, _ := kernel.New()
	err := e.Execute(context.Background(), "a := 1\nb := a + \"two\"", nil)
	fmt.Println(err)
	// Output:
	// 2:6: invalid operation: mismatched types int and untyped string
}

func ExampleEngine_IsComplete() {
	e, _ := kernel.New()
	for _, code := range []string{"x := 1", "func f() {", "x := )"} {
		status, indent := e.IsComplete(code)
		fmt.Printf("%-12q %s %q\n", code, status, indent)
	}
	// Output:
	// "x := 1"     complete ""
	// "func f() {" incomplete "\t"
	// "x := )"     invalid ""
}

func ExampleEngine_Complete() {
	e, _ := kernel.New()
	matches, start, end := e.Complete("nnlib.WorkedEx", 14)
	fmt.Println(matches, start, end)
	// Output:
	// [WorkedExample WorkedExampleData] 6 14
}

func ExampleWithInput() {
	e, _ := kernel.New()
	// The front end answers the cell's reads of standard input, a line at a
	// time (Jupyter: input_request / input_reply).
	ask := func(prompt string, password bool) (string, error) { return "0.5", nil }
	ctx := kernel.WithInput(context.Background(), ask)
	var parts []kernel.Part
	err := e.Execute(ctx, "var lr float64\nfmt.Scanln(&lr)\nlr * 2", func(p kernel.Part) {
		parts = append(parts, p)
	})
	for _, p := range parts {
		fmt.Printf("%s: %s\n", p.Kind, p.Text)
	}
	fmt.Println("error:", err)
	// Output:
	// value: 1
	// error: <nil>
}
