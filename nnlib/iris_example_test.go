package nnlib_test

import (
	"fmt"

	"github.com/nnbook/nnbook/nnlib"
)

// Iris is embedded in the binary: 150 flowers, 4 measurements, 3 species.
func ExampleIris() {
	d := nnlib.Iris()
	fmt.Println(d)
	fmt.Println(d.Features)
	fmt.Println(d.Inputs[0], d.Classes[d.Labels[0]], d.Targets[0])
	fmt.Println(d.Inputs[149], d.Classes[d.Labels[149]], d.Targets[149])
	// Output:
	// Dataset "iris": 150 rows, 4 inputs → 3 outputs, classes [setosa versicolor virginica]
	// [sepal_length sepal_width petal_length petal_width]
	// [5.1 3.5 1.4 0.2] setosa [1 0 0]
	// [5.9 3 5.1 1.8] virginica [0 0 1]
}
