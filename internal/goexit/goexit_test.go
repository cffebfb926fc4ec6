package goexit

import (
	"errors"
	"fmt"
	"testing"

	"github.com/nnbook/nnbook/kernel"
)

func TestCode(t *testing.T) {
	tests := []struct {
		err  error
		code int
		ok   bool
	}{
		{&kernel.CellError{Name: "Panic", Value: "os.Exit(3)"}, 3, true},
		{&kernel.CellError{Name: "Panic", Value: "os.Exit(0)"}, 0, true},
		{fmt.Errorf("line 4: %w", &kernel.CellError{Name: "Panic", Value: "os.Exit(-1)"}), -1, true},
		{&kernel.CellError{Name: "Panic", Value: "boom"}, 0, false},
		{&kernel.CellError{Name: "CompileError", Value: "os.Exit(3)"}, 0, false},
		{&kernel.CellError{Name: "Panic", Value: "os.Exit(99999999999999999999)"}, 0, false},
		{errors.New("os.Exit(3)"), 0, false},
		{nil, 0, false},
	}
	for _, tc := range tests {
		code, ok := Code(tc.err)
		if code != tc.code || ok != tc.ok {
			t.Errorf("Code(%v) = %d, %v; want %d, %v", tc.err, code, ok, tc.code, tc.ok)
		}
	}
}
