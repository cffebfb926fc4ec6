package rewrite

import (
	"go/ast"
	"go/parser"
	"go/token"
)

// Go gives the untyped constant on the left of a shift by a variable the
// type of the other operand of the expression it is in: with w a uint64,
// w&(1<<i) is w&(uint64(1)<<i). yaegi v0.16.1 makes it an int and panics
// ("reflect: call of reflect.Value.Uint on int Value"), which breaks every
// bit set. When the source shows the other operand's type (a variable
// declared with one, an element of a slice or map of one, through named
// types of the unit), the constant gets it written:
//
//	w&(1<<i) != 0            →   w&(uint64(1)<<i) != 0
//	b[i/64]&(1<<(i%64))      →   b[i/64]&(uint64(1)<<(i%64))     (b a BitSet, type BitSet []uint64)

func shiftConstEdits(s Session, u *Unit) []Edit {
	var edits []Edit
	inspectErrors(s, u, func(n ast.Node) bool { // not into the defers rangefunc moves
		b, ok := n.(*ast.BinaryExpr)
		if !ok || b.Op == token.SHL || b.Op == token.SHR || b.Op == token.LAND || b.Op == token.LOR {
			return true
		}
		for _, side := range [][2]ast.Expr{{b.X, b.Y}, {b.Y, b.X}} {
			sh, ok := ast.Unparen(side[0]).(*ast.BinaryExpr)
			if !ok || sh.Op != token.SHL && sh.Op != token.SHR {
				continue
			}
			if k := constKind(sh.X); k < 0 || k > 1 || constKind(sh.Y) >= 0 {
				continue // not an untyped integer constant shifted by a variable
			}
			t := operandType(s, side[1], 0)
			if t == "" {
				continue
			}
			edits = append(edits, Edit{u.Off(sh.X.Pos()), u.Off(sh.X.Pos()), t + "("}, Edit{u.Off(sh.X.End()), u.Off(sh.X.End()), ")"})
		}
		return true
	})
	return edits
}

// operandType returns the name of the integer type the source shows x
// has (a basic integer type, or a named type of the unit or a cell whose
// written type is one), or "".
func operandType(s Session, x ast.Expr, depth int) string {
	t := exprType(s, x, depth)
	id, ok := t.(*ast.Ident)
	if !ok {
		return ""
	}
	if intTypes[id.Name] && id.Obj == nil {
		return id.Name
	}
	if under := underlying(s, t); under != nil {
		if uid, ok := under.(*ast.Ident); ok && intTypes[uid.Name] {
			return id.Name
		}
	}
	return ""
}

// exprType returns the type expression the source shows x has: its written
// type, or for an index or a dereference the element type of its operand's.
func exprType(s Session, x ast.Expr, depth int) ast.Expr {
	if depth > 4 {
		return nil
	}
	switch x := x.(type) {
	case *ast.ParenExpr:
		return exprType(s, x.X, depth+1)
	case *ast.StarExpr:
		if p, ok := underlying(s, exprType(s, x.X, depth+1)).(*ast.StarExpr); ok {
			return p.X
		}
		return nil
	case *ast.IndexExpr:
		switch c := underlying(s, exprType(s, x.X, depth+1)).(type) {
		case *ast.ArrayType:
			return c.Elt
		case *ast.MapType:
			return c.Value
		}
		return nil
	}
	return writtenType(s, x, depth)
}

// underlying follows the named types of the unit and of earlier cells to
// the type expression they are declared with.
func underlying(s Session, t ast.Expr) ast.Expr {
	for i := 0; i < 8; i++ {
		id, ok := t.(*ast.Ident)
		if !ok {
			return t
		}
		if id.Obj == nil {
			decl := s.TypeDecl(id.Name)
			if decl == "" {
				return t
			}
			f, err := parser.ParseFile(token.NewFileSet(), "", "package p\ntype "+decl, 0)
			if err != nil || len(f.Decls) != 1 {
				return t
			}
			t = f.Decls[0].(*ast.GenDecl).Specs[0].(*ast.TypeSpec).Type
			continue
		}
		ts, ok := id.Obj.Decl.(*ast.TypeSpec)
		if !ok {
			return t
		}
		t = ts.Type
	}
	return t
}
