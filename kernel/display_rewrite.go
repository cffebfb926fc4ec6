package kernel

import (
	"fmt"
	"go/ast"
	"go/token"
	"reflect"
	"strings"

	"github.com/nnbook/nnbook/kernel/rewrite"
)

// The values a cell passes to display.Display, DisplayID and Update reach
// compiled code without the methods of cell types (see rich.go), so each
// argument is rewritten to
//
//	func() interface{} { __nnd := ARG; return __rt.Wrap(__nnd, __fmt.Sprint(__nnd), "HTML", __nnd.HTML) }()
//
// which carries its text (String methods of cell types apply) and, when its
// type is a cell type the engine can name from the source (T{…}, &T{…}, or a
// variable defined as one and not redefined in the unit), method values of
// its rich methods.

const displayPath = "github.com/nnbook/nnbook/kernel/display"

// displayArgs says which arguments of a display function are values to show
// (-1: all of them).
var displayArgs = map[string]int{"Display": -1, "DisplayID": 1, "Update": 1}

// displayEdits returns the rewrites of display calls in a unit.
func (e *Engine) displayEdits(f *ast.File, file *token.File, base int) []rewrite.Edit {
	local := ""
	for name, p := range e.imports {
		if p == displayPath && !e.declared(name) {
			local = name
		}
	}
	if local == "" {
		return nil
	}
	var edits []rewrite.Edit
	ast.Inspect(f, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || call.Ellipsis.IsValid() {
			return true
		}
		sel, ok := call.Fun.(*ast.SelectorExpr)
		if !ok {
			return true
		}
		pkg, ok := sel.X.(*ast.Ident)
		which, known := displayArgs[sel.Sel.Name]
		if !ok || pkg.Name != local || !known || definesName(f, local) {
			return true
		}
		for i, arg := range call.Args {
			if which >= 0 && i != which {
				continue
			}
			var methods strings.Builder
			if t := e.displayArgType(f, arg); t != "" {
				for _, m := range e.richMethodsOf(t) {
					fmt.Fprintf(&methods, ", %q, __nnd.%s", m, m)
				}
			}
			off, end := file.Offset(arg.Pos())-base, file.Offset(arg.End())-base
			edits = append(edits,
				rewrite.Edit{Off: off, End: off, New: "func() interface{} { __nnd := "},
				rewrite.Edit{Off: end, End: end, New: fmt.Sprintf("; return %s.Wrap(__nnd, %s.Sprint(__nnd)%s) }()", rtName, fmtName, methods.String())})
		}
		return true
	})
	return edits
}

// displayArgType names the cell type of a display argument ("T", "*T"), or
// "" when the source does not tell.
func (e *Engine) displayArgType(f *ast.File, arg ast.Expr) string {
	if id, ok := arg.(*ast.Ident); ok && definesName(f, id.Name) {
		return "" // a local variable of that name may have another type
	}
	return e.litType(arg)
}

// richMethodsOf lists the rich methods of cell type t ("T" or "*T") with
// the right signatures; a value T lacks the methods of *T.
func (e *Engine) richMethodsOf(t string) []string {
	name := strings.TrimPrefix(t, "*")
	var out []string
	for _, m := range e.methods[name] {
		sig := e.funcs[name+"."+m]
		if _, ok := richMethods[m]; !ok || !richSignature(m, sig) {
			continue
		}
		if recvIsPointer(sig) && !strings.HasPrefix(t, "*") {
			continue
		}
		out = append(out, m)
	}
	return out
}

// recvIsPointer reports whether a method signature "func (t *T) M()" has a
// pointer receiver.
func recvIsPointer(sig string) bool {
	i := strings.Index(sig, ")")
	return i > 0 && strings.Contains(sig[:i], "*")
}

// definesName reports whether f declares name anywhere (a parameter, a :=,
// a var, a range variable).
func definesName(f *ast.File, name string) bool {
	found := false
	ast.Inspect(f, func(n ast.Node) bool {
		if found {
			return false
		}
		var ids []*ast.Ident
		switch n := n.(type) {
		case *ast.AssignStmt:
			if n.Tok == token.DEFINE {
				for _, l := range n.Lhs {
					if id, ok := l.(*ast.Ident); ok {
						ids = append(ids, id)
					}
				}
			}
		case *ast.Field:
			ids = n.Names
		case *ast.ValueSpec:
			ids = n.Names
		case *ast.RangeStmt:
			for _, x := range []ast.Expr{n.Key, n.Value} {
				if id, ok := x.(*ast.Ident); ok {
					ids = append(ids, id)
				}
			}
		}
		for _, id := range ids {
			found = found || id.Name == name
		}
		return !found
	})
	return found
}

// wrapped is a value on its way from a cell to the display package, with
// what only the interpreter could find out about it.
type wrapped struct {
	v    interface{}
	text string
	rich map[string][]byte
}

// String returns the value's text.
func (w wrapped) String() string { return w.text }

// wrapValue is __rt.Wrap: methods are pairs of a method name and its method
// value.
func wrapValue(v interface{}, text string, methods ...interface{}) interface{} {
	w := wrapped{v: v, text: text}
	for i := 0; i+1 < len(methods); i += 2 {
		name, _ := methods[i].(string)
		if reflect.ValueOf(methods[i+1]).Kind() != reflect.Func {
			continue
		}
		if w.rich == nil {
			w.rich = map[string][]byte{}
		}
		for k, b := range callRich(name, methods[i+1]) {
			w.rich[k] = b
		}
	}
	return w
}
