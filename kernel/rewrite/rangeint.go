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
// The bound is evaluated on every iteration. Over a value of a named
// integer type (type Count int; a variable declared with it, or a
// conversion Count(3)) the loop variable has that type.
//
//	for i := range n   →  for i := 0; i < n; i++
//	for range 3        →  for __nnr := 0; __nnr < 3; __nnr++
//	for i := range c   →  for i := Count(0); i < c; i++   (var c Count)

func rangeIntEdits(s Session, u *Unit) []Edit {
	var edits []Edit
	ast.Inspect(u.File, func(n ast.Node) bool {
		r, ok := n.(*ast.RangeStmt)
		if !ok || r.Value != nil || !isIntExpr(s, r.X, 0) {
			return true
		}
		key := RangeVar
		if id, ok := r.Key.(*ast.Ident); ok && id.Name != "_" {
			key = id.Name
		}
		zero := "0"
		if t := namedIntType(s, r.X, 0); t != "" {
			zero = t + "(0)"
		}
		// The range expression stays where it is (other passes may edit
		// it): the edits are around it.
		var from int
		init := key + " := " + zero
		switch {
		case r.Key == nil:
			from = u.Off(r.Range) // "for range N"
		case r.Tok == token.ASSIGN && key != RangeVar:
			from = u.Off(r.Key.Pos())
			init = key + " = 0"
		default:
			from = u.Off(r.Key.Pos())
		}
		edits = append(edits, Edit{from, u.Off(r.X.Pos()), init + "; " + key + " < "},
			Edit{u.Off(r.X.End()), u.Off(r.X.End()), "; " + key + "++"})
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
		if namedIntType(s, x, depth+1) != "" {
			return true // a conversion to a named integer type
		}
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

// namedIntType names the named integer type the AST shows x has: a
// conversion T(…), a variable declared with type T or defined from such a
// value, arithmetic with one of those; "" when it shows none.
func namedIntType(s Session, x ast.Expr, depth int) string {
	if depth > 8 {
		return ""
	}
	switch x := x.(type) {
	case *ast.ParenExpr:
		return namedIntType(s, x.X, depth+1)
	case *ast.UnaryExpr:
		return namedIntType(s, x.X, depth+1)
	case *ast.BinaryExpr:
		if t := namedIntType(s, x.X, depth+1); t != "" {
			return t
		}
		return namedIntType(s, x.Y, depth+1)
	case *ast.CallExpr:
		if id, ok := x.Fun.(*ast.Ident); ok && len(x.Args) == 1 && isNamedIntType(s, id) {
			return id.Name
		}
	case *ast.Ident:
		if x.Obj == nil {
			if t := s.VarTypeName(x.Name); t != "" && s.IntegerType(t) {
				return t
			}
			return ""
		}
		typ, value := declOf(x)
		if typ != nil {
			if isNamedIntType(s, typ) {
				return typ.Name
			}
			return ""
		}
		if value != nil {
			return namedIntType(s, value, depth+1)
		}
	}
	return ""
}

// isNamedIntType reports whether id names a type whose underlying type is
// an integer: declared in the unit (type Count int) or by a cell.
func isNamedIntType(s Session, id *ast.Ident) bool {
	if id.Obj == nil {
		return !intTypes[id.Name] && s.IntegerType(id.Name)
	}
	ts, ok := id.Obj.Decl.(*ast.TypeSpec)
	if !ok || ts.Assign.IsValid() {
		return false
	}
	t, ok := ts.Type.(*ast.Ident)
	return ok && (intTypes[t.Name] && t.Obj == nil || t.Obj != nil && t != id && isNamedIntType(s, t))
}

// declIsInt looks at the declaration go/parser resolved for id.
func declIsInt(s Session, id *ast.Ident, depth int) bool {
	if f, ok := id.Obj.Decl.(*ast.Field); ok {
		t, ok := f.Type.(*ast.Ident)
		return ok && intTypes[t.Name]
	}
	typ, value := declOf(id)
	switch {
	case typ != nil:
		return intTypes[typ.Name] || isNamedIntType(s, typ)
	case value != nil:
		return isIntExpr(s, value, depth+1)
	}
	return false
}

// declOf returns the type name a variable declaration that go/parser
// resolved for id gives it, or else the expression id is defined from.
func declOf(id *ast.Ident) (typ *ast.Ident, value ast.Expr) {
	switch d := id.Obj.Decl.(type) {
	case *ast.ValueSpec:
		if t, ok := d.Type.(*ast.Ident); ok {
			return t, nil
		}
		for i, n := range d.Names {
			if n.Name == id.Name && i < len(d.Values) {
				return nil, d.Values[i]
			}
		}
	case *ast.AssignStmt:
		if len(d.Lhs) == len(d.Rhs) {
			for i, l := range d.Lhs {
				if l, ok := l.(*ast.Ident); ok && l.Name == id.Name {
					return nil, d.Rhs[i]
				}
			}
		}
	}
	return nil, nil
}
