package nnlib_test

import (
	"fmt"

	"github.com/nnbook/nnbook/nnlib"
)

// TwoMoons and Spirals are two-class toy problems in the plane, drawn from a seed.
func ExampleTwoMoons() {
	d := nnlib.TwoMoons(200, 0.1, 1)
	fmt.Println(d)
	fmt.Println(nnlib.Spirals(300, 0.05, 1))
	// Output:
	// Dataset "moons": 200 rows, 2 inputs → 2 outputs, classes [0 1]
	// Dataset "spirals": 300 rows, 2 inputs → 2 outputs, classes [0 1]
}
