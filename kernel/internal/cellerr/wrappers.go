package cellerr

import (
	"fmt"
	"reflect"
	"sync"

	"github.com/traefik/yaegi/interp"
)

// SelfMethod is the name of the hidden method the kernel's rewrite adds to
// every cell type that declares Error: it returns its receiver as an any,
// so that the value of a struct type survives yaegi's wrapper (see Value).
const SelfMethod = "nnbookSelf"

// WError is the Error method of a cell type, in a wrapper. Embedded, it
// gives the wrapper its own Error method, so the wrapper is an error.
type WError func() string

// Error calls the cell type's Error method.
func (f WError) Error() string { return f() }

// The wrappers yaegi may put a cell error in, with its methods Unwrap, Is,
// As and Self when the type has them. yaegi fills a wrapper's fields by
// name (W + the method's name) and takes the first wrapper of the list
// whose methods the type has all of. The optional methods are kept as any:
// Unwrap may return error or []error, and a method Go's errors would not
// call (Is(any) bool) must not stop the wrapping.
type (
	wrapUIAS struct {
		IValue any
		WError
		WUnwrap, WIs, WAs, WnnbookSelf any
	}
	wrapUIA struct {
		IValue any
		WError
		WUnwrap, WIs, WAs any
	}
	wrapUIS struct {
		IValue any
		WError
		WUnwrap, WIs, WnnbookSelf any
	}
	wrapUAS struct {
		IValue any
		WError
		WUnwrap, WAs, WnnbookSelf any
	}
	wrapIAS struct {
		IValue any
		WError
		WIs, WAs, WnnbookSelf any
	}
	wrapUI struct {
		IValue any
		WError
		WUnwrap, WIs any
	}
	wrapUA struct {
		IValue any
		WError
		WUnwrap, WAs any
	}
	wrapUS struct {
		IValue any
		WError
		WUnwrap, WnnbookSelf any
	}
	wrapIA struct {
		IValue any
		WError
		WIs, WAs any
	}
	wrapIS struct {
		IValue any
		WError
		WIs, WnnbookSelf any
	}
	wrapAS struct {
		IValue any
		WError
		WAs, WnnbookSelf any
	}
	wrapU struct {
		IValue any
		WError
		WUnwrap any
	}
	wrapI struct {
		IValue any
		WError
		WIs any
	}
	wrapA struct {
		IValue any
		WError
		WAs any
	}
	wrapS struct {
		IValue any
		WError
		WnnbookSelf any
	}
)

// wrappers lists the wrapper types, most methods first, as yaegi wants them.
var wrappers = []reflect.Type{
	reflect.TypeFor[wrapUIAS](),
	reflect.TypeFor[wrapUIA](), reflect.TypeFor[wrapUIS](), reflect.TypeFor[wrapUAS](), reflect.TypeFor[wrapIAS](),
	reflect.TypeFor[wrapUI](), reflect.TypeFor[wrapUA](), reflect.TypeFor[wrapUS](),
	reflect.TypeFor[wrapIA](), reflect.TypeFor[wrapIS](), reflect.TypeFor[wrapAS](),
	reflect.TypeFor[wrapU](), reflect.TypeFor[wrapI](), reflect.TypeFor[wrapA](), reflect.TypeFor[wrapS](),
}

var (
	errorKey     reflect.Value
	errorKeyErr  error
	errorKeyOnce sync.Once
)

// errorWrapperKey returns the symbol under which yaegi keeps its wrapper
// for error, found once by handing a cell error to compiled code in a
// throwaway interpreter (yaegi does not export the type).
func errorWrapperKey() (reflect.Value, error) {
	errorKeyOnce.Do(func() {
		var got reflect.Type
		i := interp.New(interp.Options{})
		err := i.Use(interp.Exports{"probe/probe": {
			"Take": reflect.ValueOf(func(e error) { got = reflect.TypeOf(e) }),
		}})
		if err == nil {
			_, err = i.Eval("import \"probe\"\ntype t struct{}\nfunc (t) Error() string { return \"\" }")
		}
		if err == nil {
			_, err = i.Eval("probe.Take(t{})")
		}
		switch {
		case err != nil:
			errorKeyErr = fmt.Errorf("finding yaegi's error wrapper: %v", err)
		case got == nil || got.Kind() != reflect.Struct || got.NumField() == 0 || got.Field(0).Name != "IValue":
			errorKeyErr = fmt.Errorf("finding yaegi's error wrapper: a cell error reached compiled code as %v", got)
		default:
			errorKey = reflect.Zero(reflect.PointerTo(got))
		}
	})
	return errorKey, errorKeyErr
}

// FormatArgs lists the interfaces yaegi is to wrap a cell value in when it
// passes it to a fmt function's ...any arguments, in the order fmt looks for
// them (Formatter, then error, then Stringer): a cell error reaches
// fmt.Errorf's %w as an error, and Println prints its Error().
var FormatArgs = []reflect.Type{
	reflect.TypeFor[fmt.Formatter](),
	reflect.TypeFor[error](),
	reflect.TypeFor[fmt.Stringer](),
}

// formatFuncs are the fmt functions FormatArgs applies to.
var formatFuncs = []any{
	fmt.Errorf, fmt.Print, fmt.Printf, fmt.Println, fmt.Sprint, fmt.Sprintf, fmt.Sprintln,
	fmt.Fprint, fmt.Fprintf, fmt.Fprintln, fmt.Append, fmt.Appendf, fmt.Appendln,
}

// Wrappers returns the exports to give interp.Use, after the standard
// library, so that yaegi wraps cell errors in the wrappers of this package
// and hands the values of cell types to fmt's functions as FormatArgs says.
// They hold an empty "fmt/fmt", which makes yaegi derive its own
// Print, Printf and Println (that write to the interpreter's output) again,
// with these lists.
func Wrappers() (interp.Exports, error) {
	key, err := errorWrapperKey()
	if err != nil {
		return nil, err
	}
	m := map[reflect.Value][]reflect.Type{key: wrappers}
	for _, f := range formatFuncs {
		m[reflect.ValueOf(f)] = FormatArgs
	}

	return interp.Exports{
		".":       {"MapTypes": reflect.ValueOf(m)},
		"fmt/fmt": {},
	}, nil
}
