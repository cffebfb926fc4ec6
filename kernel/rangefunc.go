package kernel

import (
	"fmt"
	"go/ast"
	"go/types"
)

// Range over a function (Go 1.23 iterators) is missing in yaegi v0.16.1:
// such a loop fails to compile with a misleading message ("undefined: seq"
// at the iterator's declaration) after yaegi's internal "nil type". Until
// the engine rewrites these loops, the plan is checked before anything
// runs, and a loop whose range expression is certainly a function — a func
// declared in the cell or an earlier one, a function literal, or a call of
// a standard iterator such as slices.All or strings.SplitSeq — fails with
// the feature's name, its line, and what to write instead.

// stdIterators are the standard library's functions that return an
// iterator, by package name.
var stdIterators = map[string]map[string]bool{
	"slices":  {"All": true, "Values": true, "Backward": true, "Chunk": true},
	"maps":    {"All": true, "Keys": true, "Values": true},
	"strings": {"SplitSeq": true, "SplitAfterSeq": true, "FieldsSeq": true, "FieldsFuncSeq": true, "Lines": true},
	"bytes":   {"SplitSeq": true, "SplitAfterSeq": true, "FieldsSeq": true, "FieldsFuncSeq": true, "Lines": true},
}

// rangeOverFunc returns the error for the first range over a function in
// the planned units, or nil.
func (e *Engine) rangeOverFunc(units []unit) *CellError {
	cellFuncs := map[string]bool{}
	for _, u := range units {
		for _, n := range u.ast {
			if fd, ok := n.(*ast.FuncDecl); ok && fd.Recv == nil {
				cellFuncs[fd.Name.Name] = true
			}
		}
	}
	isFunc := func(x ast.Expr) bool {
		switch x := x.(type) {
		case *ast.FuncLit:
			return true
		case *ast.Ident:
			return cellFuncs[x.Name] || e.names[x.Name] == nameFunc && e.funcs[x.Name] != ""
		case *ast.CallExpr:
			sel, ok := x.Fun.(*ast.SelectorExpr)
			if !ok {
				return false
			}
			pkg, ok := sel.X.(*ast.Ident)
			return ok && stdIterators[pkg.Name][sel.Sel.Name] && e.imports[pkg.Name] == pkg.Name
		}
		return false
	}
	for _, u := range units {
		var found *ast.RangeStmt
		for _, n := range u.ast {
			ast.Inspect(n, func(m ast.Node) bool {
				if r, ok := m.(*ast.RangeStmt); ok && found == nil && isFunc(r.X) {
					found = r
				}
				return found == nil
			})
		}
		if found == nil || u.file == nil {
			continue
		}
		pos := u.file.Position(found.X.Pos())
		what := types.ExprString(found.X)
		if _, lit := found.X.(*ast.FuncLit); lit {
			what = "a function literal"
		}
		ce := &CellError{Name: KindCompile, Line: pos.Line - 1, Col: pos.Column,
			Value: fmt.Sprintf("range over a function (%s) is not supported in nnbook's interpreter yet (Go 1.23 iterators): call the iterator with a yield function instead, as in seq(func(v T) bool { …; return true }) (func(k K, v V) bool for a two-value iterator)", what)}
		ce.Traceback = []string{ce.Error()}
		return ce
	}
	return nil
}
