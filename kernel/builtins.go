package kernel

import (
	"go/ast"
	"go/token"
	"sort"
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
// defines or uses one of the names otherwise keeps it as written.

// builtinSource defines the generic helpers; it runs when a session starts.
const builtinSource = `type __nnordered interface {
	~int | ~int8 | ~int16 | ~int32 | ~int64 | ~uint | ~uint8 | ~uint16 | ~uint32 | ~uint64 | ~uintptr | ~float32 | ~float64 | ~string
}
func __nnmax[T __nnordered](x, y T) T { if x != x || x > y { return x }; return y }
func __nnmin[T __nnordered](x, y T) T { if x != x || x < y { return x }; return y }`

// builtinEdits returns the edits rewriting the calls of min, max and clear
// in f (text is the unit's text, at offset base of file).
func (e *Engine) builtinEdits(text string, f *ast.File, file *token.File, base int) []edit {
	names := map[string]bool{}
	for _, n := range []string{"min", "max", "clear"} {
		if !e.declared(n) && !e.cellShadows[n] {
			names[n] = true
		}
	}
	// A name used other than as a called function is the cell's own.
	callee := map[*ast.Ident]bool{}
	ast.Inspect(f, func(n ast.Node) bool {
		if c, ok := n.(*ast.CallExpr); ok {
			if id, ok := c.Fun.(*ast.Ident); ok {
				callee[id] = true
			}
		}
		return true
	})
	ast.Inspect(f, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && names[id.Name] && !callee[id] {
			delete(names, id.Name)
		}
		return true
	})
	if len(names) == 0 {
		return nil
	}
	off := func(p token.Pos) int { return file.Offset(p) - base }
	var rewrite func(c *ast.CallExpr) (string, bool)
	builtinCall := func(n ast.Node) *ast.CallExpr {
		if c, ok := n.(*ast.CallExpr); ok {
			if id, ok := c.Fun.(*ast.Ident); ok && names[id.Name] {
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

// shadowedBuiltins returns which of min, max and clear the cell uses other
// than as a called function (defines, assigns or passes), so that no unit
// of the cell rewrites them.
func shadowedBuiltins(code string) map[string]bool {
	toks, err := scanAll(code)
	if err != nil {
		return nil
	}
	var out map[string]bool
	for i, t := range toks {
		if t.tok != token.IDENT || (t.lit != "min" && t.lit != "max" && t.lit != "clear") {
			continue
		}
		if i > 0 && toks[i-1].tok == token.PERIOD {
			continue // a field or method
		}
		called := i+1 < len(toks) && toks[i+1].tok == token.LPAREN
		declared := i > 0 && toks[i-1].tok == token.FUNC
		if !called || declared {
			if out == nil {
				out = map[string]bool{}
			}
			out[t.lit] = true
		}
	}
	return out
}
