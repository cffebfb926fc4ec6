package rewrite

import (
	"go/ast"
	"go/token"
)

// yaegi v0.16.1 gives a constant declared from an untyped float constant of
// a compiled package the type float64: after `const twoPi = 2 * math.Pi`,
// `var r float32 = twoPi` fails with "cannot use type float64 as type
// float32", which Go accepts (twoPi is an untyped constant). Inside a
// constant declaration such a package constant is written as its value, an
// untyped float literal with the constant's precision (Session.Constant):
//
//	const twoPi = 2 * math.Pi   →   const twoPi = 2 * (3.14159…e+00)

func constLitEdits(s Session, u *Unit) []Edit {
	var edits []Edit
	ast.Inspect(u.File, func(n ast.Node) bool {
		g, ok := n.(*ast.GenDecl)
		if !ok || g.Tok != token.CONST {
			return true
		}
		for _, spec := range g.Specs {
			for _, v := range spec.(*ast.ValueSpec).Values {
				ast.Inspect(v, func(n ast.Node) bool {
					sel, ok := n.(*ast.SelectorExpr)
					if !ok {
						return true
					}
					pkg, ok := sel.X.(*ast.Ident)
					if !ok || pkg.Obj != nil || s.Declared(pkg.Name) {
						return false
					}
					if lit, ok := s.Constant(pkg.Name, sel.Sel.Name); ok {
						edits = append(edits, Edit{u.Off(sel.Pos()), u.Off(sel.End()), "(" + lit + ")"})
					}
					return false
				})
			}
		}
		return false
	})
	return edits
}
