package rewrite

import (
	"go/ast"
	"go/constant"
	"go/token"
	"strconv"
	"strings"
)

// yaegi v0.16.1 mishandles a typed constant declared with an expression of
// untyped constants: `const big int64 = 1 << 40` keeps the untyped int
// value, so converting big to an interface panics ("reflect.Value.Convert:
// value of type int cannot be converted …", which fmt.Println(big) does in
// a cell), and when the shift count is itself an expression, as in Effective
// Go's
//
//	type ByteSize float64
//	const (
//		_           = iota
//		KB ByteSize = 1 << (10 * iota)
//		MB
//	)
//
// it fails with "constant definition loop". Go computes such a constant
// exactly, so when every value of a typed constant declaration is written
// with integer, float and rune literals, iota, parentheses and arithmetic,
// and gives an integer, the value is written out — for the specs that
// repeat it implicitly too, with the type:
//
//	KB ByteSize = 1 << (10 * iota)   →   KB ByteSize = 1024
//	MB                               →   MB ByteSize = 1048576
//	const big int64 = 1 << 40        →   const big int64 = 1099511627776
//
// Untyped constants keep their expressions (their default type depends on
// them), and so does a spec whose values use names or give a non-integer.
//
// In a declaration with a spec of several names yaegi counts iota by
// name, not by spec, and fails with "constant definition loop" on the
// implicit repetition of such a spec. There every iota is written as its
// value and every repetition is written out, as the spec defines it (the
// same type and expressions):
//
//	a, b = iota, iota * 2   →   a, b = 0, 0 * 2
//	c, d                    →   c, d = 1, 1 * 2
//	e = iota                →   e = 2

func constFoldEdits(s Session, u *Unit) []Edit {
	var edits []Edit
	ast.Inspect(u.File, func(n ast.Node) bool {
		g, ok := n.(*ast.GenDecl)
		if !ok || g.Tok != token.CONST {
			return true
		}
		edits = append(edits, foldConstDecl(s, u, g)...)
		return false
	})
	return edits
}

// foldConstDecl returns the edits of one const declaration: its specs are
// taken in runs of an explicit spec and the specs repeating it, and a run
// is written out whole or not at all.
func foldConstDecl(s Session, u *Unit, g *ast.GenDecl) []Edit {
	var edits []Edit
	multi := false // a spec declares several names: yaegi's iota goes wrong
	for _, sp := range g.Specs {
		multi = multi || len(sp.(*ast.ValueSpec).Names) > 1
	}
	for start := 0; start < len(g.Specs); {
		explicit := g.Specs[start].(*ast.ValueSpec)
		end := start + 1
		for end < len(g.Specs) {
			vs := g.Specs[end].(*ast.ValueSpec)
			if vs.Type != nil || len(vs.Values) > 0 {
				break
			}
			end++
		}
		if run, ok := foldRun(s, u, g, start, end, explicit); ok {
			edits = append(edits, run...)
		} else if multi && len(explicit.Values) > 0 {
			edits = append(edits, repeatSpec(s, u, g, start, end, explicit)...)
		}
		start = end
	}
	return edits
}

// foldRun folds the specs start..end-1 of g, which repeat explicit.
func foldRun(s Session, u *Unit, g *ast.GenDecl, start, end int, explicit *ast.ValueSpec) ([]Edit, bool) {
	if explicit.Type == nil || len(explicit.Values) == 0 || !hasOperator(explicit.Values) {
		return nil, false
	}
	typ := u.Text[u.Off(explicit.Type.Pos()):u.Off(explicit.Type.End())]
	var edits []Edit
	for i := start; i < end; i++ {
		vs := g.Specs[i].(*ast.ValueSpec)
		if len(vs.Names) != len(explicit.Values) {
			return nil, false // the compiler says so
		}
		var lits []string
		for _, v := range explicit.Values {
			c, ok := foldConst(s, v, int64(i))
			if !ok {
				return nil, false
			}
			lits = append(lits, c)
		}
		if i == start {
			for j, v := range vs.Values {
				edits = append(edits, Edit{u.Off(v.Pos()), u.Off(v.End()), lits[j]})
			}
			continue
		}
		last := u.Off(vs.Names[len(vs.Names)-1].End())
		edits = append(edits, Edit{last, last, " " + typ + " = " + strings.Join(lits, ", ")})
	}
	return edits, true
}

// repeatSpec writes out the specs start..end-1 of g, explicit and the
// specs repeating it, as the spec defines them: the same type and
// expressions, each with its own iota written as its value.
func repeatSpec(s Session, u *Unit, g *ast.GenDecl, start, end int, explicit *ast.ValueSpec) []Edit {
	var typ string
	if explicit.Type != nil {
		typ = " " + u.Text[u.Off(explicit.Type.Pos()):u.Off(explicit.Type.End())]
	}
	from, to := u.Off(explicit.Values[0].Pos()), u.Off(explicit.Values[len(explicit.Values)-1].End())
	var iotas []int // offsets of iota in the values
	for _, v := range explicit.Values {
		ast.Inspect(v, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok && id.Name == "iota" && id.Obj == nil && !s.Declared("iota") {
				iotas = append(iotas, u.Off(id.Pos()))
			}
			return true
		})
	}
	var edits []Edit
	for i := start; i < end; i++ {
		n := strconv.Itoa(i)
		if i == start {
			for _, off := range iotas {
				edits = append(edits, Edit{off, off + len("iota"), n})
			}
			continue
		}
		var b strings.Builder
		prev := from
		for _, off := range iotas {
			b.WriteString(u.Text[prev:off] + n)
			prev = off + len("iota")
		}
		b.WriteString(u.Text[prev:to])
		vs := g.Specs[i].(*ast.ValueSpec)
		last := u.Off(vs.Names[len(vs.Names)-1].End())
		edits = append(edits, Edit{last, last, typ + " = " + b.String()})
	}
	return edits
}

// hasOperator reports whether one of values is more than a literal or a name.
func hasOperator(values []ast.Expr) bool {
	for _, v := range values {
		switch ast.Unparen(v).(type) {
		case *ast.BinaryExpr, *ast.UnaryExpr:
			return true
		}
	}
	return false
}

// foldConst returns the value of the untyped constant expression x, with
// iota, as an integer literal, when x is written with literals, iota and
// arithmetic only and its value is an integer.
func foldConst(s Session, x ast.Expr, iota int64) (string, bool) {
	v, ok := evalConst(s, x, iota)
	if !ok {
		return "", false
	}
	if v = constant.ToInt(v); v.Kind() != constant.Int {
		return "", false
	}
	return v.ExactString(), true
}

// evalConst evaluates an untyped constant expression as Go does.
func evalConst(s Session, x ast.Expr, iota int64) (constant.Value, bool) {
	switch x := x.(type) {
	case *ast.BasicLit:
		if x.Kind == token.STRING {
			return nil, false
		}
		v := constant.MakeFromLiteral(x.Value, x.Kind, 0)
		return v, v.Kind() != constant.Unknown
	case *ast.Ident:
		if x.Name == "iota" && x.Obj == nil && !s.Declared("iota") {
			return constant.MakeInt64(iota), true
		}
	case *ast.ParenExpr:
		return evalConst(s, x.X, iota)
	case *ast.UnaryExpr:
		v, ok := evalConst(s, x.X, iota)
		if !ok {
			return nil, false
		}
		switch x.Op {
		case token.ADD, token.SUB:
			return constant.UnaryOp(x.Op, v, 0), true
		case token.XOR:
			if v = constant.ToInt(v); v.Kind() == constant.Int {
				return constant.UnaryOp(x.Op, v, 0), true
			}
		}
	case *ast.BinaryExpr:
		a, ok1 := evalConst(s, x.X, iota)
		b, ok2 := evalConst(s, x.Y, iota)
		if !ok1 || !ok2 {
			return nil, false
		}
		return binaryConst(x.Op, a, b)
	}
	return nil, false
}

// binaryConst computes a op b for untyped constants, as Go does.
func binaryConst(op token.Token, a, b constant.Value) (constant.Value, bool) {
	ints := a.Kind() == constant.Int && b.Kind() == constant.Int
	switch op {
	case token.SHL, token.SHR:
		a, b = constant.ToInt(a), constant.ToInt(b)
		n, exact := constant.Uint64Val(b)
		if a.Kind() != constant.Int || b.Kind() != constant.Int || !exact || n > 1<<12 {
			return nil, false
		}
		return constant.Shift(a, op, uint(n)), true
	case token.ADD, token.SUB, token.MUL:
		return constant.BinaryOp(a, op, b), true
	case token.QUO:
		if constant.Sign(b) == 0 {
			return nil, false // division by zero: the compiler says so
		}
		if ints {
			op = token.QUO_ASSIGN // integer division
		}
		return constant.BinaryOp(a, op, b), true
	case token.REM, token.AND, token.OR, token.XOR, token.AND_NOT:
		if !ints || op == token.REM && constant.Sign(b) == 0 {
			return nil, false
		}
		return constant.BinaryOp(a, op, b), true
	}
	return nil, false
}
