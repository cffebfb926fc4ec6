package kernel

import (
	"github.com/nnbook/nnbook/kernel/rewrite"
	"go/ast"
	"go/token"
)

// The builtins min, max (Go 1.21) and clear, which yaegi v0.16.1 lacks:
// calls of them are rewritten before yaegi sees the cell (the pass
// "builtins" of kernel/rewrite) to the helpers defined here.
//
// __nnmax and __nnmin are generic functions over the ordered types, defined
// in every session (builtinSource); yaegi infers their type argument from
// the first argument, so an untyped constant is moved behind the first
// argument that is not one (max(0, x) → __nnmax(x, 0)), and among constants
// alone a floating-point one goes first (max(1, 2.5) is 2.5, as in Go). A
// NaN argument gives NaN, as the builtins do; unlike them, max(0.0, -0.0)
// may be -0.0 and the result is not a constant. __rt.Clear empties a map or
// zeros a slice's elements through reflect. A cell (or the session) that
// defines or uses one of the names otherwise keeps it as written
// (cellBuiltins).

// builtinSource defines the generic helpers; it runs when a session starts.
const builtinSource = `type __nnordered interface {
	~int | ~int8 | ~int16 | ~int32 | ~int64 | ~uint | ~uint8 | ~uint16 | ~uint32 | ~uint64 | ~uintptr | ~float32 | ~float64 | ~string
}
func __nnmax[T __nnordered](x, y T) T { if x != x || x > y { return x }; return y }
func __nnmin[T __nnordered](x, y T) T { if x != x || x < y { return x }; return y }`

// builtinRewritten reports whether calls of the builtin name (min, max,
// clear, panic or recover) are rewritten in the cell being planned: the cell calls it, and
// neither the session nor the cell uses the name for something of its own.
func (e *Engine) builtinRewritten(name string) bool {
	return e.cellBuiltins[name] && !e.declared(name)
}

// callsGeneric reports whether n calls min or max as rewritten to the
// session's generic helpers (rewrite.CallsGeneric).
func (e *Engine) callsGeneric(n ast.Node) bool { return rewrite.CallsGeneric(session{e}, n) }

// cellBuiltins returns which of min, max, clear, panic and recover (panics.go), print and println (printstderr) the cell calls as the
// builtins: called somewhere, and nowhere used otherwise (defined, assigned,
// passed), so that no unit of the cell rewrites a name the cell makes its
// own. Fields and methods of that name do not count.
func cellBuiltins(code string) map[string]bool {
	toks, err := scanAll(code)
	if err != nil {
		return nil
	}
	called, other := map[string]bool{}, map[string]bool{}
	for i, t := range toks {
		if t.tok != token.IDENT || (t.lit != "min" && t.lit != "max" && t.lit != "clear" && t.lit != "recover" && t.lit != "panic" && t.lit != "print" && t.lit != "println") {
			continue
		}
		if i > 0 && toks[i-1].tok == token.PERIOD {
			continue // a field or method
		}
		isCall := i+1 < len(toks) && toks[i+1].tok == token.LPAREN
		declared := i > 0 && toks[i-1].tok == token.FUNC
		if isCall && !declared {
			called[t.lit] = true
		} else {
			other[t.lit] = true
		}
	}
	for n := range other {
		delete(called, n)
	}
	return called
}

// bareBuiltin returns Go's compile error for the first use of the builtin
// min, max or clear that is not a call (`clear` alone, `f := min`): the
// engine rewrites their calls, so yaegi would name a helper of its own.
func (e *Engine) bareBuiltin(units []unit) *CellError {
	own := map[string]bool{} // names the cell declares itself
	for _, u := range units {
		for _, n := range u.ast {
			ast.Inspect(n, func(m ast.Node) bool {
				var ids []*ast.Ident
				switch m := m.(type) {
				case *ast.AssignStmt:
					if m.Tok == token.DEFINE {
						for _, x := range m.Lhs {
							if id, ok := x.(*ast.Ident); ok {
								ids = append(ids, id)
							}
						}
					}
				case *ast.ValueSpec:
					ids = m.Names
				case *ast.FuncDecl:
					ids = []*ast.Ident{m.Name}
				case *ast.TypeSpec:
					ids = []*ast.Ident{m.Name}
				case *ast.Field:
					ids = m.Names
				case *ast.ImportSpec:
					if m.Name != nil {
						ids = []*ast.Ident{m.Name}
					}
				}
				for _, id := range ids {
					own[id.Name] = true
				}
				return true
			})
		}
	}
	for _, u := range units {
		if u.file == nil {
			continue
		}
		var found *ast.Ident
		for _, n := range u.ast {
			// Calls, fields and methods (x.min), and keys of composite
			// literals (T{min: 1}) are not uses of the builtin.
			skip := map[*ast.Ident]bool{}
			ast.Inspect(n, func(m ast.Node) bool {
				switch m := m.(type) {
				case *ast.CallExpr:
					if id, ok := ast.Unparen(m.Fun).(*ast.Ident); ok {
						skip[id] = true
					}
				case *ast.SelectorExpr:
					skip[m.Sel] = true
				case *ast.KeyValueExpr:
					if id, ok := m.Key.(*ast.Ident); ok {
						skip[id] = true
					}
				}
				return true
			})
			ast.Inspect(n, func(m ast.Node) bool {
				if id, ok := m.(*ast.Ident); ok && found == nil && e.bareBuiltinUse(id, skip, own) {
					found = id
				}
				return found == nil
			})
		}
		if found == nil {
			continue
		}
		pos := u.file.Position(found.Pos())
		ce := &CellError{Name: KindCompile, Line: pos.Line - 1, Col: pos.Column, Value: found.Name + " (built-in) must be called"}
		ce.Traceback = []string{ce.Error()}
		return ce
	}
	return nil
}

// bareBuiltinUse reports whether id names the builtin min, max or clear
// (not a name the session or the cell declares) and is not one of skip.
func (e *Engine) bareBuiltinUse(id *ast.Ident, skip map[*ast.Ident]bool, own map[string]bool) bool {
	switch id.Name {
	case "min", "max", "clear":
	default:
		return false
	}
	_, session := e.names[id.Name]
	return !skip[id] && id.Obj == nil && !own[id.Name] && !session && !e.declared(id.Name)
}
