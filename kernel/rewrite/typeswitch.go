package rewrite

import "go/ast"

// yaegi v0.16.1 matches a type switch's cases by type name, so `case
// error:` never matches a value of a cell type, nor even errors.New's. A
// type switch with a case error becomes an expression switch over the same
// value, its cases in the same order; the error case asks the engine's
// helper (which sees a cell value as the error it is, kernel/internal/cellerr),
// the others make the type assertion. break, labels and the scope of each
// case's variable stay as they were.
//
//	switch x := v.(type) {        switch __nnts := v; {
//	case nil:                     case __nnts == nil: x := __nnts; _ = x
//	case error:                →  case __rt.IsError(__nnts): x := __rt.AsError(__nnts); _ = x
//	case int, string:             case func() bool { _, ok := __nnts.(int); return ok }() || …: x := __nnts; _ = x
//	default:                      default: x := __nnts; _ = x
//	}                             }

func typeSwitchEdits(s Session, u *Unit) []Edit {
	var edits []Edit
	ast.Inspect(u.File, func(n ast.Node) bool {
		ts, ok := n.(*ast.TypeSwitchStmt)
		if !ok || ts.Init != nil || !hasErrorCase(s, ts) {
			return true
		}
		var name string
		var ta *ast.TypeAssertExpr
		switch a := ts.Assign.(type) {
		case *ast.AssignStmt:
			name = a.Lhs[0].(*ast.Ident).Name
			ta, _ = a.Rhs[0].(*ast.TypeAssertExpr)
		case *ast.ExprStmt:
			ta, _ = a.X.(*ast.TypeAssertExpr)
		}
		if ta == nil {
			return true
		}
		text := func(n ast.Node) string { return u.Text[u.Off(n.Pos()):u.Off(n.End())] }
		// Only the text around the value and the types is replaced: the
		// engine may rename identifiers inside them (type versions).
		edits = append(edits,
			Edit{u.Off(ts.Assign.Pos()), u.Off(ta.X.Pos()), SwitchVar + " := "},
			Edit{u.Off(ta.X.End()), u.Off(ts.Assign.End()), ";"})
		for _, st := range ts.Body.List {
			cc := st.(*ast.CaseClause)
			bind := SwitchVar
			for i, t := range cc.List {
				if i > 0 {
					edits = append(edits, Edit{u.Off(cc.List[i-1].End()), u.Off(t.Pos()), " || "})
				}
				switch {
				case isPredeclared(s, t, "nil"):
					edits = append(edits, Edit{u.Off(t.Pos()), u.Off(t.End()), SwitchVar + " == nil"})
				case isPredeclared(s, t, "error"):
					edits = append(edits, Edit{u.Off(t.Pos()), u.Off(t.End()), Runtime + ".IsError(" + SwitchVar + ")"})
				default:
					edits = append(edits,
						Edit{u.Off(t.Pos()), u.Off(t.Pos()), "func() bool { _, ok := " + SwitchVar + ".("},
						Edit{u.Off(t.End()), u.Off(t.End()), "); return ok }()"})
				}
			}
			if len(cc.List) == 1 {
				switch t := cc.List[0]; {
				case isPredeclared(s, t, "error"):
					bind = Runtime + ".AsError(" + SwitchVar + ")"
				case !isPredeclared(s, t, "nil"):
					bind = SwitchVar + ".(" + text(t) + ")"
				}
			}
			if name != "" && name != "_" {
				colon := u.Off(cc.Colon) + 1
				edits = append(edits, Edit{colon, colon, " " + name + " := " + bind + "; _ = " + name + ";"})
			}
		}
		return true
	})
	return edits
}

// hasErrorCase reports whether a case of ts lists the predeclared error.
func hasErrorCase(s Session, ts *ast.TypeSwitchStmt) bool {
	for _, st := range ts.Body.List {
		for _, t := range st.(*ast.CaseClause).List {
			if isPredeclared(s, t, "error") {
				return true
			}
		}
	}
	return false
}
