package rewrite

import "go/ast"

// yaegi v0.16.1 makes a value of a cell type an error in some places only:
// a return of type error wraps it (with its methods), but the conversion
// error(x) panics ("reflect.Set: value of type … is not assignable to type
// error"), `var e error = x` keeps the bare value (whose Error method
// compiled code then cannot see), and errors.Join's arguments reach it
// bare. In those three places the value goes through a function that
// returns it as an error.
//
//	error(x)                 →  func() error { return x }()
//	var e error = x          →  var e error = func() error { return x }()
//	errors.Join(a, b)        →  errors.Join(func() error { return a }(), func() error { return b }())

func errorConvEdits(s Session, u *Unit) []Edit {
	var edits []Edit
	asError := func(x ast.Expr) {
		if id, ok := x.(*ast.Ident); ok && id.Name == "nil" {
			return
		}
		edits = append(edits,
			Edit{u.Off(x.Pos()), u.Off(x.Pos()), "func() error { return "},
			Edit{u.Off(x.End()), u.Off(x.End()), " }()"})
	}
	ast.Inspect(u.File, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.CallExpr:
			if n.Ellipsis.IsValid() {
				return true
			}
			if isPredeclared(s, n.Fun, "error") && len(n.Args) == 1 {
				// error(x): the conversion's parentheses stay around the call.
				edits = append(edits, Edit{u.Off(n.Fun.Pos()), u.Off(n.Fun.End()), ""})
				asError(n.Args[0])
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
