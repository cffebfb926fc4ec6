package rewrite

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"sort"
	"strconv"
	"strings"
)

// The builtins min, max (Go 1.21) and clear, which yaegi v0.16.1 lacks.
//
//	max(a, b, c)  →  __nnmax(__nnmax(a, b), c)
//	min(x)        →  (x)
//	clear(m)      →  __rt.Clear(m)
//
// __nnmax and __nnmin are generic functions over the ordered types, defined
// in every session by the engine; yaegi infers their type argument from
// the first argument, so an untyped constant is moved behind the first
// argument that is not one (max(0, x) → __nnmax(x, 0)), and among constants
// alone a floating-point one goes first (max(1, 2.5) is 2.5, as in Go). A
// NaN argument gives NaN, as the builtins do; unlike them, max(0.0, -0.0)
// may be -0.0 and the result is not a constant. __rt.Clear empties a map or
// zeros a slice's elements through reflect. A cell (or the session) that
// defines or uses one of the names otherwise keeps it as written
// (Session.Builtin).

func builtinEdits(s Session, u *Unit) []Edit {
	if !s.Builtin("min") && !s.Builtin("max") && !s.Builtin("clear") {
		return nil
	}
	text, off := u.Text, u.Off
	var rewrite func(c *ast.CallExpr) (string, bool)
	builtinCall := func(n ast.Node) *ast.CallExpr {
		if c, ok := n.(*ast.CallExpr); ok {
			// Session.Builtin also answers for panic and recover, which
			// are the pass panics'.
			if id, ok := c.Fun.(*ast.Ident); ok && (id.Name == "min" || id.Name == "max" || id.Name == "clear") && s.Builtin(id.Name) {
				return c
			}
		}
		return nil
	}
	// calls returns the edits for the outermost builtin calls inside x.
	calls := func(x ast.Node) (edits []Edit, ok bool) {
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
			edits = append(edits, Edit{off(c.Pos()), off(c.End()), s})
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
			inner[i].Off -= from
			inner[i].End -= from
		}
		return Apply(text[from:to], inner), true
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
		if name != "clear" {
			if lit, ok := constantCall(text[off(c.Pos()):off(c.End())], c.Args); ok {
				return lit, true
			}
		}
		if name == "clear" {
			if len(args) != 1 {
				return "", false
			}
			return Runtime + ".Clear(" + args[0] + ")", true
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
	edits, ok := calls(u.File)
	if !ok {
		// Leave the unit as written; yaegi reports the call.
		return nil
	}
	return edits
}

// CallsGeneric reports whether n calls min or max as rewritten to the
// session's generic helpers. yaegi's global analysis cannot type a top-level
// definition from a generic call (it logs "nil reflect type" and fails), so
// such definitions and final values go straight into a function literal.
func CallsGeneric(s Session, n ast.Node) bool {
	if !s.Builtin("min") && !s.Builtin("max") {
		return false
	}
	found := false
	ast.Inspect(n, func(m ast.Node) bool {
		if c, ok := m.(*ast.CallExpr); ok {
			if id, ok := c.Fun.(*ast.Ident); ok && (id.Name == "min" || id.Name == "max") && s.Builtin(id.Name) {
				found = true
			}
		}
		return !found
	})
	return found
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
	if !ConstExpr(x) {
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

// constantCall returns min or max of constants written as literals and
// operators, computed as the compiler does and written back as a literal of
// the same untyped kind, so that `const c = min(1, 2.5)` stays a constant
// (1.0).
func constantCall(call string, exprs []ast.Expr) (string, bool) {
	var isConst func(x ast.Expr) bool
	isConst = func(x ast.Expr) bool {
		if c, ok := x.(*ast.CallExpr); ok {
			if id, ok := c.Fun.(*ast.Ident); ok && (id.Name == "min" || id.Name == "max") {
				for _, a := range c.Args {
					if !isConst(a) {
						return false
					}
				}
				return true
			}
		}
		return ConstExpr(x)
	}
	for _, x := range exprs {
		if !isConst(x) {
			return "", false
		}
	}
	tv, err := types.Eval(token.NewFileSet(), nil, token.NoPos, call)
	if err != nil || tv.Value == nil {
		return "", false
	}
	v := tv.Value
	switch tv.Type {
	case types.Typ[types.UntypedInt], types.Typ[types.UntypedString]:
		return v.ExactString(), true
	case types.Typ[types.UntypedRune]:
		if r, ok := constant.Int64Val(v); ok {
			return strconv.QuoteRune(rune(r)), true
		}
	case types.Typ[types.UntypedFloat]:
		if f, exact := constant.Float64Val(v); exact {
			s := strconv.FormatFloat(f, 'g', -1, 64)
			if !strings.ContainsAny(s, ".eEn") {
				s += ".0"
			}
			return "(" + s + ")", true
		}
		return "(" + v.ExactString() + ")", true
	}
	return "", false
}
