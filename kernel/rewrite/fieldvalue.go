package rewrite

import (
	"go/ast"
	"go/token"
)

// yaegi v0.16.1 stops the program, silently and with status 0, at an
// assignment of an operation's result to an interface field of a compiled
// struct:
//
//	e := l.PushBack(1)   // l a *list.List
//	e.Value = x * 2      // nothing after this runs
//	r.Value = -x         // r a *ring.Ring: the same
//
// The same value in parentheses is assigned right, so the value of an
// assignment to a field (one selector on the left) that is a unary or
// binary operation gets parentheses:
//
//	e.Value = x * 2   →   e.Value = (x * 2)

func fieldValueEdits(s Session, u *Unit) []Edit {
	var edits []Edit
	inspectErrors(s, u, func(n ast.Node) bool { // not into the defers rangefunc moves
		as, ok := n.(*ast.AssignStmt)
		if !ok || as.Tok != token.ASSIGN || len(as.Lhs) != 1 || len(as.Rhs) != 1 {
			return true
		}
		if _, ok := as.Lhs[0].(*ast.SelectorExpr); !ok {
			return true
		}
		switch r := as.Rhs[0].(type) {
		case *ast.BinaryExpr:
		case *ast.UnaryExpr:
			if r.Op == token.AND {
				return true // &T{…}: a pointer, never an operation's result
			}
		default:
			return true
		}
		x := as.Rhs[0]
		edits = append(edits, Edit{u.Off(x.Pos()), u.Off(x.Pos()), "("}, Edit{u.Off(x.End()), u.Off(x.End()), ")"})
		return true
	})
	return edits
}
