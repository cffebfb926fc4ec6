package kernel

import (
	"github.com/nnbook/nnbook/kernel/internal/cellerr"
	"github.com/traefik/yaegi/interp"
)

// useCellErrors makes errors.Is, As and Unwrap, fmt.Errorf's %w and fmt's
// printing see the error types declared in cells (kernel/internal/cellerr).
func useCellErrors(in *interp.Interpreter) error {
	w, err := cellerr.Wrappers()
	if err != nil {
		return err
	}
	if err := in.Use(w); err != nil {
		return err
	}
	return in.Use(interp.Exports{"errors/errors": cellerr.Symbols()})
}
