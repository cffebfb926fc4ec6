package rewrite

import "go/ast"

// yaegi v0.16.1 keeps the type of a value of a cell type with methods when
// it stores it in an any by assignment (var v any = t) or as an argument,
// as the pair (node, value); the explicit conversion any(t) or
// interface{}(t) keeps the bare value, whose type is then lost: %T prints
// float64 for a Temp, a type switch's `case Temp:` does not match. The
// conversion becomes a call of a function literal taking an any, whose
// parameter yaegi fills as it does for an argument. (A value of a type
// without methods is bare either way; see limitations.txt.)
//
//	any(t)          →  func(__nnconv any) any { return __nnconv }(t)
//	interface{}(t)  →  func(__nnconv any) any { return __nnconv }(t)

// convVar is the parameter of the literal a conversion to any becomes.
const convVar = "__nnconv"

func anyConvEdits(s Session, u *Unit) []Edit {
	var edits []Edit
	ast.Inspect(u.File, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || len(call.Args) != 1 || call.Ellipsis.IsValid() || !isEmptyInterfaceType(s, call.Fun) || u.Off(call.Pos()) < 0 {
			return true
		}
		edits = append(edits, Edit{u.Off(call.Fun.Pos()), u.Off(call.Lparen), "func(" + convVar + " any) any { return " + convVar + " }"})
		return true
	})
	return edits
}

// isEmptyInterfaceType reports whether x spells the empty interface: the
// predeclared any (not shadowed) or interface{}, maybe in parentheses.
func isEmptyInterfaceType(s Session, x ast.Expr) bool {
	switch x := x.(type) {
	case *ast.ParenExpr:
		return isEmptyInterfaceType(s, x.X)
	case *ast.Ident:
		return isPredeclared(s, x, "any")
	case *ast.InterfaceType:
		return len(x.Methods.List) == 0
	}
	return false
}
