package rewrite

import (
	"go/ast"
	"go/token"
	"strings"
)

// yaegi v0.16.1 decides a type assertion x.(T) to a type that is not an
// interface by the run-time types alone, and a cell type's run-time type is
// its underlying type: a Feet held in an any asserts as a Meters (both
// float64), a plain 2.5 as a Temp with methods. A comma-ok assertion to a
// cell type (T or *T, declared by the unit or a cell, not an interface)
// asks the engine's CaseIs first, which tells cell types with methods apart
// (kernel/celltypeswitch.go), as the typeswitch pass does for a switch's
// cases. An assertion on a value the code shows is an error is
// errorassert's.
//
//	m, ok := v.(Meters)  →  m, ok := func(__nnta interface{}) (Meters, bool) { if __rt.CaseIs(…__nnta…, …*new(Meters)…) { return __nnta.(Meters), true }; return *new(Meters), false }(v)

// assertVar is the parameter holding the asserted value, zeroVar the one
// holding the zero value of the type.
const (
	assertVar = "__nnta"
	zeroVar   = "__nntz"
)

func typeAssertEdits(s Session, u *Unit) []Edit {
	var edits []Edit
	rewrite := func(x ast.Expr) {
		ta, ok := x.(*ast.TypeAssertExpr)
		if !ok || ta.Type == nil || u.Off(ta.Pos()) < 0 || !cellTypeCase(s, ta.Type) || isPredeclared(s, typeOf(s, ta.X, 0), "error") {
			return
		}
		// The type's text stays where it is (the engine may rename it, type
		// versions): it becomes the type of the zero value passed second.
		t := u.Text[u.Off(ta.Type.Pos()):u.Off(ta.Type.End())]
		is := Runtime + ".CaseIs([]" + AnyType + "{" + AnyType + "(" + assertVar + ")}, []" + AnyType + "{" + AnyType + "(" + zeroVar + ")})"
		edits = append(edits,
			Edit{u.Off(ta.X.Pos()), u.Off(ta.X.Pos()), "func(" + assertVar + " interface{}, " + zeroVar + " " + t + ") (" + t + ", bool) { if " + is + " { return " + Runtime + ".Held([]" + AnyType + "{" + AnyType + "(" + assertVar + ")}).(" + t + "), true }; return " + zeroVar + ", false }("},
			Edit{u.Off(ta.X.End()), u.Off(ta.Lparen) + 1, ", *new("},
			Edit{u.Off(ta.Type.End()), u.Off(ta.Rparen) + 1, "))"})
	}
	commaOk(s, u, rewrite)
	return edits
}

// cellTypeCase reports whether t is T or *T for a type T the unit or a cell
// declares that is not an interface.
func cellTypeCase(s Session, t ast.Expr) bool {
	if star, ok := t.(*ast.StarExpr); ok {
		t = star.X
	}
	id, ok := t.(*ast.Ident)
	if !ok || isInterfaceCase(s, id) {
		return false
	}
	if id.Obj != nil {
		return id.Obj.Kind == ast.Typ
	}
	return s.Declared(id.Name) && strings.HasPrefix(s.TypeOf(id.Name), "type ")
}

// commaOk calls f with the value of every two-result assignment and
// declaration of the unit (v, ok := x.(T); var v, ok = x.(T)): the places
// a comma-ok type assertion can stand.
func commaOk(s Session, u *Unit, f func(ast.Expr)) {
	inspectErrors(s, u, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			if (n.Tok == token.DEFINE || n.Tok == token.ASSIGN) && len(n.Lhs) == 2 && len(n.Rhs) == 1 {
				f(n.Rhs[0])
			}
		case *ast.ValueSpec:
			if len(n.Names) == 2 && len(n.Values) == 1 {
				f(n.Values[0])
			}
		}
		return true
	})
}
