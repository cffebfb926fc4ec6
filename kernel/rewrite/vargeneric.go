package rewrite

import (
	"go/ast"
	"go/token"
	"strings"
)

// yaegi (v0.16.1) also gets `var z = max(a, b)` wrong — z is zero — when
// the value comes from a generic call, while `z := max(a, b)` and
// `var z T; z = max(a, b)` work. varGenericEdits rewrites such var
// declarations inside functions to those forms; a top-level one runs in a
// function literal (define.go) with the same rewrite (VarSpecEdits).

func varGenericEdits(s Session, u *Unit) []Edit {
	text, file, base := u.Text, u.Tok, u.Base
	var edits []Edit
	ast.Inspect(u.File, func(n ast.Node) bool {
		ds, ok := n.(*ast.DeclStmt)
		if !ok {
			return true
		}
		g, ok := ds.Decl.(*ast.GenDecl)
		if !ok || g.Tok != token.VAR || g.Lparen.IsValid() || len(g.Specs) != 1 {
			return true
		}
		vs := g.Specs[0].(*ast.ValueSpec)
		if len(vs.Values) == 0 || !CallsGeneric(s, vs) {
			return true
		}
		varOff := file.Offset(g.Pos()) - base
		if varOff < 0 || varOff+3 > len(text) {
			return true
		}
		specEdits, ok := VarSpecEdits(text, vs, file, base, file.Offset(vs.End())-base)
		if !ok {
			return true
		}
		if vs.Type == nil {
			edits = append(edits, Edit{varOff, varOff + 3, ""}) // "var"
		}
		edits = append(edits, specEdits...)
		return true
	})
	return edits
}

// VarSpecEdits returns the edits turning the var spec vs ("a, b = x, y" or
// "a T = x", the text after "var"; its values end at valuesEnd) into
// `a, b := x, y` or `a T; a = T(x)` — the conversion because yaegi infers
// the generic's type from untyped constants alone (int for max(2, 3)). The
// edits touch only what surrounds the values, so edits inside the values
// stay valid.
func VarSpecEdits(text string, vs *ast.ValueSpec, file *token.File, base, valuesEnd int) ([]Edit, bool) {
	namesFrom := file.Offset(vs.Names[0].Pos()) - base
	namesTo := file.Offset(vs.Names[len(vs.Names)-1].End()) - base
	valuesFrom := file.Offset(vs.Values[0].Pos()) - base
	if namesFrom < 0 || namesTo > valuesFrom || valuesFrom > valuesEnd || valuesEnd > len(text) {
		return nil, false
	}
	eq := strings.LastIndex(text[namesTo:valuesFrom], "=")
	if eq < 0 {
		return nil, false
	}
	eq += namesTo
	if vs.Type == nil {
		return []Edit{{eq, eq + 1, ":="}}, true
	}
	names := text[namesFrom:namesTo]
	if len(vs.Names) != 1 || len(vs.Values) != 1 {
		return []Edit{{eq, eq + 1, "; " + names + " ="}}, true
	}
	typ := text[file.Offset(vs.Type.Pos())-base : file.Offset(vs.Type.End())-base]
	return []Edit{{eq, eq + 1, "; " + names + " = " + typ + "("}, {valuesEnd, valuesEnd, ")"}}, true
}
