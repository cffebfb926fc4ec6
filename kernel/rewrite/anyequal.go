package rewrite

import (
	"go/ast"
	"go/token"
)

// yaegi v0.16.1 compares two values held in an any as Go values of its own
// (node, value) pair when they are of a cell type with methods, so two
// equal ones differ unless they are structs: with `type Level int` having a
// String method, `var v any = Level(2)` makes v == Level(2), v == w and
// v == any(Level(2)) false. A comparison (not with nil) of a value the code
// shows is an any goes through the engine's helper, which compares the
// values inside the pairs and their cell types (kernel/celltypeswitch.go;
// a bare value, as an any holds one of a type without methods, by its
// run-time type, as yaegi does). Errors are errorequal's. The pass comes
// before fmtargs, whose wrapping of a print argument then encloses it.
//
//	v == Level(2)   →  __rt.Equal([]__nnany{__nnany(v)}, []__nnany{__nnany(Level(2))})
//	v != w          →  !__rt.Equal([]__nnany{__nnany(v)}, []__nnany{__nnany(w)})

func anyEqualEdits(s Session, u *Unit) []Edit {
	var edits []Edit
	inspectErrors(s, u, func(n ast.Node) bool {
		be, ok := n.(*ast.BinaryExpr)
		if !ok || be.Op != token.EQL && be.Op != token.NEQ || u.Off(be.Pos()) < 0 ||
			isNil(be.X) || isNil(be.Y) || isError(s, be.X) || isError(s, be.Y) ||
			!isEmptyInterfaceType(s, typeOf(s, be.X, 0)) && !isEmptyInterfaceType(s, typeOf(s, be.Y, 0)) {
			return true
		}
		open := Runtime + ".Equal([]" + AnyType + "{" + AnyType + "("
		if be.Op == token.NEQ {
			open = "!" + open
		}
		edits = append(edits,
			Edit{u.Off(be.X.Pos()), u.Off(be.X.Pos()), open},
			Edit{u.Off(be.X.End()), u.Off(be.Y.Pos()), ")}, []" + AnyType + "{" + AnyType + "("},
			Edit{u.Off(be.Y.End()), u.Off(be.Y.End()), ")})"})
		return true
	})
	return edits
}

// isNil reports whether x is the predeclared nil (maybe in parentheses).
func isNil(x ast.Expr) bool {
	if p, ok := x.(*ast.ParenExpr); ok {
		return isNil(p.X)
	}
	id, ok := x.(*ast.Ident)
	return ok && id.Name == "nil" && id.Obj == nil
}
