package kernel

import (
	"reflect"

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

// cellErrorSymbols are the helpers of the rewrite passes errorconv,
// errorequal, errorself and typeswitch, in the session's runtime package.
func (e *Engine) cellErrorSymbols() map[string]reflect.Value {
	return map[string]reflect.Value{
		"RegisterError":  reflect.ValueOf(e.errTypes.Register),
		"ErrorValue":     reflect.ValueOf(cellerr.Whole),
		"ErrorAs":        reflect.ValueOf(cellerr.AsType),
		"SelfOf":         reflect.ValueOf(cellerr.SelfOf),
		"ErrorEqual":     reflect.ValueOf(cellerr.Equal),
		"AsError":        reflect.ValueOf(e.errTypes.AsError),
		"IsError":        reflect.ValueOf(e.errTypes.IsError),
		"Unwrapper":      reflect.ValueOf(e.errTypes.Unwrapper),
		"MultiUnwrapper": reflect.ValueOf(e.errTypes.MultiUnwrapper),
		"CaseIs":         reflect.ValueOf(e.caseIs),
		"Held":           reflect.ValueOf(e.held),
		"Equal":          reflect.ValueOf(e.equal),
	}
}
