package rewrite

import (
	"go/ast"
	"go/token"
	"strings"
)

// yaegi v0.16.1 compares two errors by the wrappers it put cell errors in:
// a cell error against the sentinel it came from (err == ErrTooBig, where
// ErrTooBig is a *TooBig) is false, and two wrapped cell errors panic
// ("comparing uncomparable type"). A comparison with anything but nil of a
// value the code shows is an error, or of one named err or ErrX (Go's
// convention for error variables), goes through the engine's helper, which
// compares the cell values inside (cellerr.Equal).
//
//	err == ErrTooBig       →  __rt.ErrorEqual(err, ErrTooBig)
//	ErrA != os.ErrExist    →  !__rt.ErrorEqual(ErrA, os.ErrExist)
//	err != nil             (left alone)
//
// An expression switch on a variable does the same comparisons when the
// variable or a case is named so:
//
//	switch err {              switch {
//	case ErrA, ErrB:      →   case __rt.ErrorEqual(err, ErrA) || __rt.ErrorEqual(err, ErrB):

func errorEqualEdits(s Session, u *Unit) []Edit {
	var edits []Edit
	inspectErrors(s, u, func(n ast.Node) bool {
		if sw, ok := n.(*ast.SwitchStmt); ok {
			edits = append(edits, errorSwitchEdits(s, u, sw)...)
			return true
		}
		be, ok := n.(*ast.BinaryExpr)
		if !ok || be.Op != token.EQL && be.Op != token.NEQ || !comparable(be.X) || !comparable(be.Y) ||
			!isError(s, be.X) && !isError(s, be.Y) {
			return true
		}
		open := Runtime + ".ErrorEqual("
		if be.Op == token.NEQ {
			open = "!" + open
		}
		edits = append(edits,
			Edit{u.Off(be.X.Pos()), u.Off(be.X.Pos()), open},
			Edit{u.Off(be.X.End()), u.Off(be.Y.Pos()), ", "},
			Edit{u.Off(be.Y.End()), u.Off(be.Y.End()), ")"})
		return true
	})
	return edits
}

// comparable reports whether x may be an error: not nil, not a literal.
func comparable(x ast.Expr) bool {
	switch x := x.(type) {
	case *ast.Ident:
		return x.Name != "nil" && x.Name != "true" && x.Name != "false"
	case *ast.BasicLit, *ast.CompositeLit, *ast.FuncLit:
		return false
	case *ast.ParenExpr:
		return comparable(x.X)
	}
	return true
}

// isError reports whether x is named as an error or the code shows it is
// one.
func isError(s Session, x ast.Expr) bool {
	return errorName(x) || isPredeclared(s, typeOf(s, x, 0), "error")
}

// errorName reports whether x is named as an error: err, or ErrX (also as
// pkg.ErrX).
func errorName(x ast.Expr) bool {
	var name string
	switch x := x.(type) {
	case *ast.Ident:
		name = x.Name
	case *ast.SelectorExpr:
		name = x.Sel.Name
	default:
		return false
	}
	return name == "err" || strings.HasPrefix(name, "Err") && len(name) > 3 && strings.ToUpper(name[3:4]) == name[3:4]
}

// errorSwitchEdits rewrites a switch on a variable whose name or a case's
// says it compares errors.
func errorSwitchEdits(s Session, u *Unit, sw *ast.SwitchStmt) []Edit {
	switch sw.Tag.(type) {
	case *ast.Ident, *ast.SelectorExpr:
	default:
		return nil
	}
	named := isError(s, sw.Tag)
	for _, st := range sw.Body.List {
		for _, v := range st.(*ast.CaseClause).List {
			named = named || isError(s, v) && comparable(v)
		}
	}
	if !named {
		return nil
	}
	tag := u.Text[u.Off(sw.Tag.Pos()):u.Off(sw.Tag.End())]
	edits := []Edit{{u.Off(sw.Tag.Pos()), u.Off(sw.Tag.End()), ""}}
	for _, st := range sw.Body.List {
		list := st.(*ast.CaseClause).List
		for i, v := range list {
			if i > 0 {
				edits = append(edits, Edit{u.Off(list[i-1].End()), u.Off(v.Pos()), " || "})
			}
			edits = append(edits,
				Edit{u.Off(v.Pos()), u.Off(v.Pos()), Runtime + ".ErrorEqual(" + tag + ", "},
				Edit{u.Off(v.End()), u.Off(v.End()), ")"})
		}
	}
	return edits
}
