package rewrite

import (
	"go/ast"
	"go/types"
)

// yaegi v0.16.1 makes a value of a cell type an error with a wrapper whose
// methods keep the caller's variable slot as their receiver, so in a loop
//
//	errs = append(errs, &ParseError{Line: n})   // errs []error
//
// gives every element the last iteration's ParseError. Made an error by
// the return of a function, which runs in a frame of its own, the value is
// kept. So a value the source shows is of a named type (T{…}, &T{…}, a
// variable declared as one), appended to a slice the source shows is a
// []error, goes through a function literal that returns it as an error:
//
//	errs = append(errs, &ParseError{n})
//	→ errs = append(errs, func(__nnx *ParseError) error { return __nnx }(&ParseError{n}))

func errorAppendEdits(s Session, u *Unit) []Edit {
	var edits []Edit
	inspectErrors(s, u, func(n ast.Node) bool { // not into the defers rangefunc moves
		c, ok := n.(*ast.CallExpr)
		if !ok || c.Ellipsis.IsValid() || len(c.Args) < 2 || !isPredeclared(s, c.Fun, "append") {
			return true
		}
		st, ok := writtenType(s, c.Args[0], 0).(*ast.ArrayType)
		if !ok || st.Len != nil || !isPredeclared(s, st.Elt, "error") {
			return true
		}
		for _, a := range c.Args[1:] {
			t := namedValueType(s, a)
			if t == "" {
				continue
			}
			edits = append(edits,
				Edit{u.Off(a.Pos()), u.Off(a.Pos()), "func(" + ErrorArg + " " + t + ") error { return " + ErrorArg + " }("},
				Edit{u.Off(a.End()), u.Off(a.End()), ")"})
		}
		return true
	})
	return edits
}

// namedValueType returns the type, T or *T for a named type T, that the
// source shows x has, or "".
func namedValueType(s Session, x ast.Expr) string {
	t := writtenType(s, x, 0)
	named := t
	if st, ok := named.(*ast.StarExpr); ok {
		named = st.X
	}
	id, ok := named.(*ast.Ident)
	if !ok || basicTypes[id.Name] || id.Name == "error" || id.Name == "any" {
		return ""
	}
	return types.ExprString(t)
}
