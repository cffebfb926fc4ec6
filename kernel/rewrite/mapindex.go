package rewrite

import (
	"go/ast"
	"go/token"
	"strings"
)

// Comma-ok map reads that miss.
//
// Go's `v, ok = m[k]` sets v to the zero value when k is not in m. yaegi
// (v0.16.1, getIndexMap2) sets only ok and leaves v as it was, so in a loop
// `v, ok := m[k]` keeps the previous iteration's value, and `v, ok = m[k]`
// the variable's old one. The engine rewrites such statements to what yaegi
// gets right, keeping every position of the line:
//
//	v, _ := m[k]   →  v    := m[k]                 (one value: zero on a miss)
//	v, ok := m[k]  →  v, ok := m[k]; if !ok { v = m[k] }
//
// The second form reads m[k] again on a miss, so it is used only when the
// map, key and v are plain names, selectors, indexes and literals, which
// reading twice cannot change. A comma-ok read in the init statement of an
// if, for or switch is left alone: its v is only wrong where ok is false.

func mapIndexEdits(_ Session, u *Unit) []Edit {
	var edits []Edit
	text, off := u.Text, u.Off
	visit := func(list []ast.Stmt) {
		for _, st := range list {
			as, ok := st.(*ast.AssignStmt)
			if !ok || len(as.Lhs) != 2 || len(as.Rhs) != 1 || (as.Tok != token.DEFINE && as.Tok != token.ASSIGN) {
				continue
			}
			ix, ok := as.Rhs[0].(*ast.IndexExpr)
			if !ok || isBlank(as.Lhs[0]) {
				continue
			}
			if isBlank(as.Lhs[1]) {
				// "v, _" → "v   ": same width, one value.
				from, to := off(as.Lhs[0].End()), off(as.Lhs[1].End())
				if from < 0 || to > len(text) || from > to {
					continue
				}
				edits = append(edits, Edit{from, to, strings.Repeat(" ", to-from)})
				continue
			}
			okName, isIdent := as.Lhs[1].(*ast.Ident)
			if !isIdent || !pureExpr(as.Lhs[0]) || !pureExpr(ix.X) || !pureExpr(ix.Index) {
				continue
			}
			v0, v1 := off(as.Lhs[0].Pos()), off(as.Lhs[0].End())
			m0, m1 := off(ix.Pos()), off(ix.End())
			end := off(as.End())
			if v0 < 0 || m1 > len(text) || end > len(text) {
				continue
			}
			fix := "; if !" + okName.Name + " { " + text[v0:v1] + " = " + text[m0:m1] + " }"
			edits = append(edits, Edit{end, end, fix})
		}
	}
	ast.Inspect(u.File, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.BlockStmt:
			visit(n.List)
		case *ast.CaseClause:
			visit(n.Body)
		case *ast.CommClause:
			visit(n.Body)
		}
		return true
	})
	return edits
}

func isBlank(x ast.Expr) bool {
	id, ok := x.(*ast.Ident)
	return ok && id.Name == "_"
}

// pureExpr reports whether evaluating x twice gives the same value and does
// nothing else: names, literals, selectors, indexes and operators over them.
func pureExpr(x ast.Expr) bool {
	switch x := x.(type) {
	case *ast.Ident, *ast.BasicLit:
		return true
	case *ast.ParenExpr:
		return pureExpr(x.X)
	case *ast.SelectorExpr:
		return pureExpr(x.X)
	case *ast.IndexExpr:
		return pureExpr(x.X) && pureExpr(x.Index)
	case *ast.StarExpr:
		return pureExpr(x.X)
	case *ast.UnaryExpr:
		return x.Op != token.ARROW && pureExpr(x.X)
	case *ast.BinaryExpr:
		return pureExpr(x.X) && pureExpr(x.Y)
	}
	return false
}
