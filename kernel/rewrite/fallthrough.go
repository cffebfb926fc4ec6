package rewrite

import (
	"go/ast"
	"go/token"
)

// yaegi v0.16.1 panics in its compiler ("CFG post-order panic: runtime
// error: index out of range [-1]") on a fallthrough into a case whose body
// is empty. Such a body gets an empty block:
//
//	case n > 0:
//		out = append(out, "positive")
//		fallthrough
//	default:        →   default: {}
//	}

func fallthroughEdits(s Session, u *Unit) []Edit {
	var edits []Edit
	inspectErrors(s, u, func(n ast.Node) bool { // not into the defers rangefunc moves
		sw, ok := n.(*ast.SwitchStmt)
		if !ok {
			return true
		}
		list := sw.Body.List
		for i := 0; i+1 < len(list); i++ {
			cc, next := list[i].(*ast.CaseClause), list[i+1].(*ast.CaseClause)
			if len(cc.Body) > 0 && isFallthrough(cc.Body[len(cc.Body)-1]) && len(next.Body) == 0 {
				at := u.Off(next.Colon) + 1
				edits = append(edits, Edit{at, at, " {}"})
			}
		}
		return true
	})
	return edits
}

func isFallthrough(st ast.Stmt) bool {
	b, ok := st.(*ast.BranchStmt)
	return ok && b.Tok == token.FALLTHROUGH
}
