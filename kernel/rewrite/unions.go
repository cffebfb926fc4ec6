package rewrite

import (
	"go/ast"
	"go/token"
)

// yaegi v0.16.1 checks a union of interfaces written as a type parameter's
// constraint against its first interface only: with
//
//	type Integer interface{ ~int | ~int64 }
//	type Float interface{ ~float32 | ~float64 }
//	func Abs[T Integer | Float](x T) T
//
// Abs(2.5) fails ("float64 does not implement main.Integer") or panics in
// yaegi's compiler. The same union inside an interface is checked whole, so
// a union written in a type parameter list becomes an interface:
//
//	func Abs[T Integer | Float](x T) T   →   func Abs[T interface{ Integer | Float }](x T) T

func unionEdits(s Session, u *Unit) []Edit {
	var edits []Edit
	wrap := func(tps *ast.FieldList) {
		if tps == nil {
			return
		}
		for _, f := range tps.List {
			if b, ok := f.Type.(*ast.BinaryExpr); ok && b.Op == token.OR {
				edits = append(edits, Edit{u.Off(b.Pos()), u.Off(b.Pos()), "interface{ "}, Edit{u.Off(b.End()), u.Off(b.End()), " }"})
			}
		}
	}
	ast.Inspect(u.File, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncDecl:
			wrap(n.Type.TypeParams)
		case *ast.TypeSpec:
			wrap(n.TypeParams)
		}
		return true
	})
	return edits
}
