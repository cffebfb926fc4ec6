// Package goexit recognises a program's call of os.Exit in the error of a
// cell, so that front ends running a Go program (nnbook run prog.go,
// nnbook < prog.go) can end with the program's own exit status, as go run
// does.
//
// The interpreter cannot let interpreted code end the host process: the
// engine's os.Exit stops the cell and reports a *kernel.CellError of kind
// kernel.KindExit with the status. Code reads the status back.
package goexit

import (
	"errors"

	"github.com/nnbook/nnbook/kernel"
)

// Code returns the status passed to os.Exit when err is a cell stopped by
// os.Exit, and ok false for any other error.
func Code(err error) (code int, ok bool) {
	var ce *kernel.CellError
	if !errors.As(err, &ce) || ce.Name != kernel.KindExit {
		return 0, false
	}
	return ce.ExitCode, true
}
