package kernel

import (
	"embed"
	"fmt"

	"github.com/traefik/yaegi/interp"
)

// Generic functions of the standard library that yaegi v0.16.1 lacks.
//
// yaegi compiles the Go source of part of cmp, maps and slices (Go 1.22)
// into every interpreter; shims/*.go.txt add, as Go source compiled the same
// way into the same packages, functions it leaves out (the sort functions
// of slices). They follow the standard library's documented behaviour;
// slices.Sort and SortFunc sort stably (the standard library does not
// promise an order for equal elements).

//go:embed shims/*.go.txt
var shimFiles embed.FS

// loadShims compiles the shims into the interpreter.
func loadShims(in *interp.Interpreter) error {
	entries, err := shimFiles.ReadDir("shims")
	if err != nil {
		return err
	}
	for _, ent := range entries {
		src, err := shimFiles.ReadFile("shims/" + ent.Name())
		if err != nil {
			return err
		}
		if _, err := in.Compile(string(src)); err != nil {
			return fmt.Errorf("kernel: standard library shim %s: %v", ent.Name(), err)
		}
	}
	return nil
}
