package kernel

import (
	"github.com/nnbook/nnbook/kernel/rewrite"
	"go/ast"
	"go/token"
	"go/types"
)

// Defining a variable again.
//
// In a notebook, running `lr := 0.1` again after `lr := 0.5` is meant to
// change lr for everything, as in IPython. yaegi instead makes a second
// variable: functions and closures compiled earlier keep reading the first,
// and the first keeps its value alive for the rest of the session (a second
// run of a cell loading MNIST would hold two copies). So a top-level
// `a, b := …` whose names are all variables of the session runs as
// `a, b = …` — the same variables get the new values — whenever that
// compiles; when it does not (the new value has another type) the unit runs
// as written and defines new variables, as before. An untyped constant must
// have the variable's type as its default type (`x := 1` after `x := 2.5`
// makes a new int x rather than storing 1.0).

// redefineEdits returns the edits turning such definitions among the unit's
// top-level statements into assignments.
func (e *Engine) redefineEdits(text string, f *ast.File, file *token.File, base int) []rewrite.Edit {
	body := f.Decls[0].(*ast.FuncDecl).Body.List
	var edits []rewrite.Edit
	for _, st := range body {
		as, ok := st.(*ast.AssignStmt)
		if !ok || as.Tok != token.DEFINE || !e.allSessionVars(as.Lhs) {
			continue
		}
		if len(as.Rhs) == len(as.Lhs) && !e.constantsFit(as, text, file, base) {
			continue
		}
		off := file.Offset(as.TokPos) - base
		if off < 0 || off+2 > len(text) || text[off:off+2] != ":=" {
			continue
		}
		edits = append(edits, rewrite.Edit{Off: off, End: off + 2, New: "= "})
	}
	return edits
}

// allSessionVars reports whether every name is _ or a variable the session
// has, and at least one is not _.
func (e *Engine) allSessionVars(lhs []ast.Expr) bool {
	named := false
	for _, l := range lhs {
		id, ok := l.(*ast.Ident)
		if !ok {
			return false
		}
		if id.Name == "_" {
			continue
		}
		if k, ok := e.names[id.Name]; !ok || k != nameVar {
			return false
		}
		named = true
	}
	return named
}

// constantsFit reports whether each untyped constant on the right has the
// variable it goes to's type as its default type.
func (e *Engine) constantsFit(as *ast.AssignStmt, text string, file *token.File, base int) bool {
	for i, r := range as.Rhs {
		id := as.Lhs[i].(*ast.Ident)
		if id.Name == "_" || !rewrite.ConstExpr(r) {
			continue
		}
		from, to := file.Offset(r.Pos())-base, file.Offset(r.End())-base
		if from < 0 || to > len(text) || from > to {
			return false
		}
		tv, err := types.Eval(token.NewFileSet(), nil, token.NoPos, text[from:to])
		if err != nil || tv.Type == nil {
			return false
		}
		def := types.Default(tv.Type).String()
		switch def {
		case "rune":
			def = "int32"
		case "byte":
			def = "uint8"
		}
		v, err := e.eval(id.Name)
		if err != nil || !v.IsValid() || v.Type().String() != def {
			return false
		}
	}
	return true
}
