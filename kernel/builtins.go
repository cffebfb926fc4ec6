package kernel

import (
	"go/ast"
	"go/token"
	"sort"
	"strings"
)

// The builtins min, max (Go 1.21) and clear, which yaegi v0.16.1 lacks.
//
// Calls of them are rewritten before yaegi sees the cell:
//
//	max(a, b, c)  →  __nnmax(__nnmax(a, b), c)
//	min(x)        →  (x)
//	clear(m)      →  __rt.Clear(m)
//
// __nnmax and __nnmin are generic functions over the ordered types, defined
// in every session (builtinSource); yaegi infers their type argument from
// the first argument, so an untyped constant is moved behind the first
// argument that is not one (max(0, x) → __nnmax(x, 0)), and among constants
// alone a floating-point one goes first (max(1, 2.5) is 2.5, as in Go). A
// NaN argument gives NaN, as the builtins do; unlike them, max(0.0, -0.0)
// may be -0.0 and the result is not a constant. __rt.Clear empties a map or
// zeros a slice's elements through reflect. A cell (or the session) that
// defines or uses one of the names otherwise keeps it as written
// (cellBuiltins).

// builtinSource defines the generic helpers; it runs when a session starts.
const builtinSource = `type __nnordered interface {
	~int | ~int8 | ~int16 | ~int32 | ~int64 | ~uint | ~uint8 | ~uint16 | ~uint32 | ~uint64 | ~uintptr | ~float32 | ~float64 | ~string
}
func __nnmax[T __nnordered](x, y T) T { if x != x || x > y { return x }; return y }
func __nnmin[T __nnordered](x, y T) T { if x != x || x < y { return x }; return y }`

// builtinEdits returns the edits rewriting the calls of min, max and clear
// in f (text is the unit's text, at offset base of file).
func (e *Engine) builtinEdits(text string, f *ast.File, file *token.File, base int) []edit {
	if len(e.cellBuiltins) == 0 {
		return nil
	}
	off := func(p token.Pos) int { return file.Offset(p) - base }
	var rewrite func(c *ast.CallExpr) (string, bool)
	builtinCall := func(n ast.Node) *ast.CallExpr {
		if c, ok := n.(*ast.CallExpr); ok {
			if id, ok := c.Fun.(*ast.Ident); ok && e.builtinRewritten(id.Name) {
				return c
			}
		}
		return nil
	}
	// calls returns the edits for the outermost builtin calls inside x.
	calls := func(x ast.Node) (edits []edit, ok bool) {
		ok = true
		ast.Inspect(x, func(n ast.Node) bool {
			c := builtinCall(n)
			if !ok || c == nil {
				return ok
			}
			s, good := rewrite(c)
			if !good {
				ok = false
				return false
			}
			edits = append(edits, edit{off(c.Pos()), off(c.End()), s})
			return false
		})
		return edits, ok
	}
	// textOf is x's text with its builtin calls rewritten.
	textOf := func(x ast.Expr) (string, bool) {
		if c := builtinCall(x); c != nil {
			return rewrite(c)
		}
		from, to := off(x.Pos()), off(x.End())
		if from < 0 || to > len(text) || from > to {
			return "", false
		}
		inner, ok := calls(x)
		if !ok {
			return "", false
		}
		for i := range inner {
			inner[i].off -= from
			inner[i].end -= from
		}
		return applyEdits(text[from:to], inner), true
	}
	rewrite = func(c *ast.CallExpr) (string, bool) {
		name := c.Fun.(*ast.Ident).Name
		if c.Ellipsis.IsValid() || len(c.Args) == 0 || hasFuncLit(c) {
			return "", false
		}
		args := make([]string, len(c.Args))
		for i, a := range c.Args {
			s, ok := textOf(a)
			if !ok {
				return "", false
			}
			args[i] = s
		}
		if name == "clear" {
			if len(args) != 1 {
				return "", false
			}
			return rtName + ".Clear(" + args[0] + ")", true
		}
		order := make([]int, len(args))
		for i := range order {
			order[i] = i
		}
		// Typed arguments first, then constants by kind: yaegi takes the
		// type from the first.
		sort.SliceStable(order, func(i, j int) bool {
			return argRank(c.Args[order[i]]) > argRank(c.Args[order[j]])
		})
		if len(args) == 1 {
			return "(" + args[0] + ")", true
		}
		fn := "__nn" + name
		acc := args[order[0]]
		switch argRank(c.Args[order[0]]) {
		case 2: // yaegi cannot infer from an untyped float or rune constant
			acc = "float64(" + acc + ")"
		case 1:
			acc = "rune(" + acc + ")"
		}
		for _, k := range order[1:] {
			acc = fn + "(" + acc + ", " + args[k] + ")"
		}
		return acc, true
	}
	edits, ok := calls(f)
	if !ok {
		// Leave the unit as written; yaegi reports the call.
		return nil
	}
	return edits
}

// builtinRewritten reports whether calls of the builtin name (min, max or
// clear) are rewritten in the cell being planned: the cell calls it, and
// neither the session nor the cell uses the name for something of its own.
func (e *Engine) builtinRewritten(name string) bool {
	return e.cellBuiltins[name] && !e.declared(name)
}

// callsGeneric reports whether n calls min or max as rewritten to the
// session's generic helpers. yaegi's global analysis cannot type a top-level
// definition from a generic call (it logs "nil reflect type" and fails), so
// such definitions and final values go straight into a function literal.
func (e *Engine) callsGeneric(n ast.Node) bool {
	if !e.builtinRewritten("min") && !e.builtinRewritten("max") {
		return false
	}
	found := false
	ast.Inspect(n, func(m ast.Node) bool {
		if c, ok := m.(*ast.CallExpr); ok {
			if id, ok := c.Fun.(*ast.Ident); ok && (id.Name == "min" || id.Name == "max") && e.builtinRewritten(id.Name) {
				found = true
			}
		}
		return !found
	})
	return found
}

// yaegi (v0.16.1) also gets `var z = max(a, b)` wrong — z is zero — when
// the value comes from a generic call, while `z := max(a, b)` and
// `var z T; z = max(a, b)` work. varGenericEdits rewrites such var
// declarations inside functions to those forms; a top-level one runs in a
// function literal (define.go) with the same rewrite (varSpecEdits).

// varGenericEdits returns the edits for the var declarations with a min or
// max call in function bodies of f.
func (e *Engine) varGenericEdits(text string, f *ast.File, file *token.File, base int) []edit {
	var edits []edit
	ast.Inspect(f, func(n ast.Node) bool {
		ds, ok := n.(*ast.DeclStmt)
		if !ok {
			return true
		}
		g, ok := ds.Decl.(*ast.GenDecl)
		if !ok || g.Tok != token.VAR || g.Lparen.IsValid() || len(g.Specs) != 1 {
			return true
		}
		vs := g.Specs[0].(*ast.ValueSpec)
		if len(vs.Values) == 0 || !e.callsGeneric(vs) {
			return true
		}
		varOff := file.Offset(g.Pos()) - base
		if varOff < 0 || varOff+3 > len(text) {
			return true
		}
		specEdits, ok := varSpecEdits(text, vs, file, base, file.Offset(vs.End())-base)
		if !ok {
			return true
		}
		if vs.Type == nil {
			edits = append(edits, edit{varOff, varOff + 3, ""}) // "var"
		}
		edits = append(edits, specEdits...)
		return true
	})
	return edits
}

// varSpecEdits returns the edits turning the var spec vs ("a, b = x, y" or
// "a T = x", the text after "var"; its values end at valuesEnd) into
// `a, b := x, y` or `a T; a = T(x)` — the conversion because yaegi infers
// the generic's type from untyped constants alone (int for max(2, 3)). The
// edits touch only what surrounds the values, so edits inside the values
// stay valid.
func varSpecEdits(text string, vs *ast.ValueSpec, file *token.File, base, valuesEnd int) ([]edit, bool) {
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
		return []edit{{eq, eq + 1, ":="}}, true
	}
	names := text[namesFrom:namesTo]
	if len(vs.Names) != 1 || len(vs.Values) != 1 {
		return []edit{{eq, eq + 1, "; " + names + " ="}}, true
	}
	typ := text[file.Offset(vs.Type.Pos())-base : file.Offset(vs.Type.End())-base]
	return []edit{{eq, eq + 1, "; " + names + " = " + typ + "("}, {valuesEnd, valuesEnd, ")"}}, true
}

// hasFuncLit reports whether x contains a function literal (whose
// statements other rewrites may edit).
func hasFuncLit(x ast.Node) bool {
	found := false
	ast.Inspect(x, func(n ast.Node) bool {
		if _, ok := n.(*ast.FuncLit); ok {
			found = true
		}
		return !found
	})
	return found
}

// argRank orders min/max arguments: anything typed (3) before untyped
// constants, and among those floating-point (2) before runes (1) before
// integers and strings (0).
func argRank(x ast.Expr) int {
	if !constExpr(x) {
		return 3
	}
	rank := 0
	ast.Inspect(x, func(n ast.Node) bool {
		if b, ok := n.(*ast.BasicLit); ok {
			switch b.Kind {
			case token.FLOAT, token.IMAG:
				rank = max(rank, 2)
			case token.CHAR:
				rank = max(rank, 1)
			}
		}
		return true
	})
	return rank
}

// constExpr reports whether x is built from literals and operators only.
func constExpr(x ast.Expr) bool {
	switch x := x.(type) {
	case *ast.BasicLit:
		return true
	case *ast.ParenExpr:
		return constExpr(x.X)
	case *ast.UnaryExpr:
		return x.Op != token.ARROW && x.Op != token.AND && constExpr(x.X)
	case *ast.BinaryExpr:
		return constExpr(x.X) && constExpr(x.Y)
	}
	return false
}

// cellBuiltins returns which of min, max and clear the cell calls as the
// builtins: called somewhere, and nowhere used otherwise (defined, assigned,
// passed), so that no unit of the cell rewrites a name the cell makes its
// own. Fields and methods of that name do not count.
func cellBuiltins(code string) map[string]bool {
	toks, err := scanAll(code)
	if err != nil {
		return nil
	}
	called, other := map[string]bool{}, map[string]bool{}
	for i, t := range toks {
		if t.tok != token.IDENT || (t.lit != "min" && t.lit != "max" && t.lit != "clear") {
			continue
		}
		if i > 0 && toks[i-1].tok == token.PERIOD {
			continue // a field or method
		}
		isCall := i+1 < len(toks) && toks[i+1].tok == token.LPAREN
		declared := i > 0 && toks[i-1].tok == token.FUNC
		if isCall && !declared {
			called[t.lit] = true
		} else {
			other[t.lit] = true
		}
	}
	for n := range other {
		delete(called, n)
	}
	return called
}
