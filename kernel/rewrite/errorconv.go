package rewrite

import (
	"go/ast"
	"go/token"
)

// yaegi v0.16.1 makes a value of a cell type an error in some places only:
// a return of type error wraps it (with its methods), but the conversion
// error(x) and an assignment to a variable of type error panic
// ("reflect.Set: value of type … is not assignable to type error"), `var e
// error = x` and the elements of a []error or map[K]error literal keep the
// bare value (whose Error method compiled code then cannot see), and
// errors.Join's arguments reach it bare. In those places the value goes
// through the engine's helper, a compiled function whose parameter is an
// error (yaegi wraps the value with its methods on the way in) and which
// returns it (see cellerr.Whole). Where the type error is not written, the
// code must show it (itertype.go's typeOf).
//
//	error(x)                 →  __rt.ErrorValue(x)
//	var e error = x          →  var e error = __rt.ErrorValue(x)
//	err = x                  →  err = __rt.ErrorValue(x)     (err declared as an error)
//	[]error{a, b}            →  []error{__rt.ErrorValue(a), __rt.ErrorValue(b)}
//	errors.Join(a, b)        →  errors.Join(__rt.ErrorValue(a), __rt.ErrorValue(b))

func errorConvEdits(s Session, u *Unit) []Edit {
	var edits []Edit
	asError := func(x ast.Expr) {
		if id, ok := x.(*ast.Ident); ok && id.Name == "nil" {
			return
		}
		edits = append(edits,
			Edit{u.Off(x.Pos()), u.Off(x.Pos()), ErrorValue + "("},
			Edit{u.Off(x.End()), u.Off(x.End()), ")"})
	}
	inspectErrors(s, u, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.CallExpr:
			if n.Ellipsis.IsValid() {
				return true
			}
			if isPredeclared(s, n.Fun, "error") && len(n.Args) == 1 {
				edits = append(edits, Edit{u.Off(n.Fun.Pos()), u.Off(n.Fun.End()), ErrorValue})
				return true
			}
			if sel, ok := n.Fun.(*ast.SelectorExpr); ok && sel.Sel.Name == "Join" && isPredeclared(s, sel.X, "errors") {
				for _, a := range n.Args {
					asError(a)
				}
			}
		case *ast.ValueSpec:
			if isPredeclared(s, n.Type, "error") && len(n.Values) == len(n.Names) {
				for _, v := range n.Values {
					asError(v)
				}
			}
		case *ast.AssignStmt:
			if n.Tok == token.ASSIGN && len(n.Lhs) == len(n.Rhs) {
				for i, l := range n.Lhs {
					if isPredeclared(s, typeOf(s, l, 0), "error") {
						asError(n.Rhs[i])
					}
				}
			}
		case *ast.CompositeLit:
			var elem ast.Expr
			switch t := n.Type.(type) {
			case *ast.ArrayType:
				elem = t.Elt
			case *ast.MapType:
				elem = t.Value
			}
			if !isPredeclared(s, elem, "error") {
				return true
			}
			for _, v := range n.Elts {
				if kv, ok := v.(*ast.KeyValueExpr); ok {
					v = kv.Value
				}
				asError(v)
			}
		}
		return true
	})
	return edits
}

// isPredeclared reports whether x is the identifier name, not declared in the
// cell or the session (the predeclared type error, the imported package
// errors).
func isPredeclared(s Session, x ast.Expr, name string) bool {
	id, ok := x.(*ast.Ident)
	return ok && id.Name == name && id.Obj == nil && !s.Declared(name)
}

// inspectErrors walks u's file as ast.Inspect does for the error passes,
// but not into the defer statements in the body of a range over a
// function: the rangefunc pass moves their text into an edit of its own,
// which an edit inside would overlap. (There a cell error keeps yaegi's
// behaviour.)
func inspectErrors(s Session, u *Unit, fn func(ast.Node) bool) {
	moved := map[*ast.DeferStmt]bool{}
	walkDefers(s, u, u.File, func(ds *ast.DeferStmt, _, queued bool) {
		if queued {
			moved[ds] = true
		}
	})
	ast.Inspect(u.File, func(n ast.Node) bool {
		if ds, ok := n.(*ast.DeferStmt); ok && moved[ds] {
			return false
		}
		return fn(n)
	})
}
