package repl_test

import (
	"os"
	"strings"

	"github.com/nnbook/nnbook/repl"
)

// Main runs standard input as a script when it is not a terminal: values
// print with their type, as at the prompt.
func ExampleMain() {
	script := `x := 3
func sq(a int) int {
	return a * a
}
sq(x)
fmt.Println("squared")
"done"
`
	repl.Main(nil, strings.NewReader(script), os.Stdout, os.Stderr)
	// Output:
	// 9 // int
	// squared
	// "done" // string
}
