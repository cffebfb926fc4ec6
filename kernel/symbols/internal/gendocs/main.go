// Command gendocs writes a Go file with the declarations and doc comments of
// the exported names of some packages, as a map[string]string named docs:
// "nnlib.New" → "func New(...) *Network\n\nNew returns ...".
//
// Usage (from go generate in kernel/symbols):
//
//	go run ./internal/gendocs -o docs_gen.go importpath...
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/nnbook/nnbook/kernel/internal/docgen"
)

func main() {
	out := flag.String("o", "docs_gen.go", "output file")
	pkg := flag.String("package", "symbols", "package name of the output file")
	flag.Parse()
	src, err := docgen.Generate(*pkg, flag.Args())
	if err != nil {
		fmt.Fprintln(os.Stderr, "gendocs:", err)
		os.Exit(1)
	}
	if err := os.WriteFile(*out, src, 0o644); err != nil {
		fmt.Fprintln(os.Stderr, "gendocs:", err)
		os.Exit(1)
	}
}
