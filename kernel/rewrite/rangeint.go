package rewrite

import (
	"go/ast"
	"go/token"
)

// yaegi v0.16.1 predates Go 1.22's range over an integer (`for i := range
// 10` makes it panic with "nil type"). Such loops become three-clause loops
// when the AST shows the range expression is an integer: a literal, len or
// cap, arithmetic with one of those, or a name declared with an integer type
// or value (in the cell, or an integer variable or constant of the session).
// The bound is evaluated on every iteration.
//
//	for i := range n   →  for i := 0; i < n; i++
//	for range 3        →  for __nnr := 0; __nnr < 3; __nnr++

func rangeIntEdits(s Session, u *Unit) []Edit {
	var edits []Edit
	ast.Inspect(u.File, func(n ast.Node) bool {
		r, ok := n.(*ast.RangeStmt)
		if !ok || r.Value != nil || !isIntExpr(s, r.X, 0) {
			return true
		}
		xText := u.Text[u.Off(r.X.Pos()):u.Off(r.X.End())]
		key := RangeVar
		if id, ok := r.Key.(*ast.Ident); ok && id.Name != "_" {
			key = id.Name
		}
		var from int
		clause := ""
		switch {
		case r.Key == nil:
			from = u.Off(r.Range) // "for range N"
			clause = key + " := 0; " + key + " < " + xText + "; " + key + "++"
		case r.Tok == token.ASSIGN && key != RangeVar:
			from = u.Off(r.Key.Pos())
			clause = key + " = 0; " + key + " < " + xText + "; " + key + "++"
		default:
			from = u.Off(r.Key.Pos())
			clause = key + " := 0; " + key + " < " + xText + "; " + key + "++"
		}
		edits = append(edits, Edit{from, u.Off(r.X.End()), clause})
		return true
	})
	return edits
}

var intTypes = map[string]bool{
	"int": true, "int8": true, "int16": true, "int32": true, "int64": true,
	"uint": true, "uint8": true, "uint16": true, "uint32": true, "uint64": true,
	"uintptr": true, "byte": true, "rune": true,
}

// isIntExpr reports whether the AST shows x is an integer.
func isIntExpr(s Session, x ast.Expr, depth int) bool {
	if depth > 8 {
		return false
	}
	switch x := x.(type) {
	case *ast.BasicLit:
		return x.Kind == token.INT
	case *ast.ParenExpr:
		return isIntExpr(s, x.X, depth+1)
	case *ast.UnaryExpr:
		return x.Op == token.SUB && isIntExpr(s, x.X, depth+1)
	case *ast.BinaryExpr:
		switch x.Op {
		case token.ADD, token.SUB, token.MUL, token.QUO, token.REM, token.SHL, token.SHR,
			token.AND, token.OR, token.XOR, token.AND_NOT:
			return isIntExpr(s, x.X, depth+1) || isIntExpr(s, x.Y, depth+1)
		}
	case *ast.CallExpr:
		if id, ok := x.Fun.(*ast.Ident); ok {
			if (id.Name == "len" || id.Name == "cap") && id.Obj == nil && !s.Declared(id.Name) {
				return true
			}
			if intTypes[id.Name] && id.Obj == nil && !s.Declared(id.Name) {
				return true // a conversion
			}
		}
	case *ast.Ident:
		if x.Obj != nil {
			return declIsInt(s, x, depth)
		}
		return s.Integer(x.Name)
	}
	return false
}

// declIsInt looks at the declaration go/parser resolved for id.
func declIsInt(s Session, id *ast.Ident, depth int) bool {
	switch d := id.Obj.Decl.(type) {
	case *ast.Field:
		if t, ok := d.Type.(*ast.Ident); ok {
			return intTypes[t.Name]
		}
	case *ast.ValueSpec:
		if t, ok := d.Type.(*ast.Ident); ok {
			return intTypes[t.Name]
		}
		for i, n := range d.Names {
			if n.Name == id.Name && i < len(d.Values) {
				return isIntExpr(s, d.Values[i], depth+1)
			}
		}
	case *ast.AssignStmt:
		if len(d.Lhs) == len(d.Rhs) {
			for i, l := range d.Lhs {
				if l, ok := l.(*ast.Ident); ok && l.Name == id.Name {
					return isIntExpr(s, d.Rhs[i], depth+1)
				}
			}
		}
	}
	return false
}
