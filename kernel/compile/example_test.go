package compile_test

import (
	"fmt"

	"github.com/nnbook/nnbook/kernel/compile"
)

func ExampleIsCompiled() {
	fmt.Println(compile.IsCompiled("//nnbook:compile\nfunc dot(a, b []float64) float64 { return 0 }"))
	fmt.Println(compile.IsCompiled("x := 1"))
	// Output:
	// true
	// false
}
