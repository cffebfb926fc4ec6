// Package goexit recognises a program's call of os.Exit in the error of a
// cell, so that front ends running a Go program (nnbook run prog.go,
// nnbook < prog.go) can end with the program's own exit status, as go run
// does.
//
// The interpreter cannot let interpreted code end the host process: yaegi
// runs os.Exit(code) as panic("os.Exit(code)"), which the engine reports
// as a *kernel.CellError named "Panic". Code reads the status back.
package goexit

import (
	"errors"
	"regexp"
	"strconv"

	"github.com/nnbook/nnbook/kernel"
)

// exitPanic is the value of the interpreter's os.Exit panic.
var exitPanic = regexp.MustCompile(`^os\.Exit\((-?\d+)\)$`)

// Code returns the status passed to os.Exit when err is a cell stopped by
// os.Exit, and ok false for any other error.
func Code(err error) (code int, ok bool) {
	var ce *kernel.CellError
	if errors.As(err, &ce) && ce.Name == kernel.KindExit {
		return ce.ExitCode, true // the engine's os.Exit (kernel/exit.go)
	}
	if !errors.As(err, &ce) || ce.Name != kernel.KindPanic {
		return 0, false
	}
	m := exitPanic.FindStringSubmatch(ce.Value)
	if m == nil {
		return 0, false
	}
	code, err = strconv.Atoi(m[1])
	if err != nil {
		return 0, false
	}
	return code, true
}
