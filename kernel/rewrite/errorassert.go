package rewrite

import (
	"go/ast"
	"go/parser"
	"go/token"
	"reflect"
	"strconv"
)

// yaegi v0.16.1 keeps only the last field of a struct value it wraps as an
// error, so a type assertion of an error to a struct type of the cell
// (err.(Invalid)) fails, and one to a pointer type succeeds only by chance
// of how the error was made. A type assertion of a value the code shows is
// an error asserts on the value made whole by the engine's helper
// (errorconv.go, cellerr.Whole). Type switches are typeswitch.go's.
//
// yaegi also gives two cell types of the same underlying type (type A
// struct{ s string }; type B struct{ s string }) one reflect type, so a B
// would pass for an A. When the asserted type, or the type of the variable
// errors.As fills, is a named cell type that is not an interface, its name
// goes to the helper, which compares it with the name the error's hidden
// method reports (errorself.go).
//
//	inv, ok := err.(Invalid)   →  inv, ok := __rt.ErrorValue(err, "Invalid").(Invalid)
//	p := err.(*Invalid)        →  p := __rt.ErrorValue(err, "!*Invalid").(*Invalid)   (! panics on a mismatch)
//	errors.As(err, &inv)       →  __rt.ErrorAs(err, &inv, "Invalid")

func errorAssertEdits(s Session, u *Unit) []Edit {
	var edits []Edit
	var commaOK map[ast.Expr]bool // made when an assertion needs it
	isCommaOK := func(x ast.Expr) bool {
		if commaOK == nil {
			commaOK = map[ast.Expr]bool{}
			ast.Inspect(u.File, func(n ast.Node) bool {
				switch n := n.(type) {
				case *ast.AssignStmt:
					if len(n.Lhs) == 2 && len(n.Rhs) == 1 {
						commaOK[ast.Unparen(n.Rhs[0])] = true
					}
				case *ast.ValueSpec:
					if len(n.Names) == 2 && len(n.Values) == 1 {
						commaOK[ast.Unparen(n.Values[0])] = true
					}
				}
				return true
			})
		}
		return commaOK[x]
	}
	inspectErrors(s, u, func(n ast.Node) bool {
		if c, ok := n.(*ast.CallExpr); ok {
			edits = append(edits, errorsAsEdits(s, u, c)...)
			return true
		}
		ta, ok := n.(*ast.TypeAssertExpr)
		if !ok || ta.Type == nil || !isPredeclared(s, shownType(s, ta.X), "error") {
			return true
		}
		name := ""
		if t := cellTypeName(s, ta.Type); t != "" {
			if _, ptr := ta.Type.(*ast.StarExpr); ptr {
				t = "*" + t
			}
			if !isCommaOK(ta) {
				t = "!" + t // a mismatch panics, with Go's message
			}
			name = ", " + strconv.Quote(t)
		}
		edits = append(edits,
			Edit{u.Off(ta.X.Pos()), u.Off(ta.X.Pos()), ErrorValue + "("},
			Edit{u.Off(ta.X.End()), u.Off(ta.X.End()), name + ")"})
		return true
	})
	return edits
}

// errorsAsEdits returns the edits of a call errors.As(err, &v) whose v has
// a named cell type that is not an interface.
func errorsAsEdits(s Session, u *Unit, c *ast.CallExpr) []Edit {
	sel, ok := c.Fun.(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != "As" || len(c.Args) != 2 || c.Ellipsis.IsValid() {
		return nil
	}
	if pkg, ok := sel.X.(*ast.Ident); !ok || pkg.Name != "errors" || pkg.Obj != nil || s.Declared("errors") {
		return nil
	}
	addr, ok := c.Args[1].(*ast.UnaryExpr)
	if !ok || addr.Op != token.AND {
		return nil
	}
	name := cellTypeName(s, shownType(s, addr.X))
	if name == "" {
		return nil
	}
	return []Edit{
		{u.Off(sel.Pos()), u.Off(sel.End()), Runtime + ".ErrorAs"},
		{u.Off(c.Rparen), u.Off(c.Rparen), ", " + strconv.Quote(name)},
	}
}

// errorType is the reflect type of error.
var errorType = reflect.TypeOf((*error)(nil)).Elem()

// shownType is the type the code shows x has: for a variable, the type
// the source that defined it gives (in this cell or an earlier one), else
// typeOf's answer.
func shownType(s Session, x ast.Expr) ast.Expr {
	if id, ok := x.(*ast.Ident); ok && id.Obj == nil {
		if src, defined := s.CellVarType(id.Name); defined {
			if t, err := parser.ParseExpr(src); err == nil && src != "" {
				return t
			}
			return nil
		}
		if t := s.VarType(id.Name); t != nil && t == errorType {
			return ast.NewIdent("error")
		}
		if name := s.VarTypeName(id.Name); name != "" {
			return ast.NewIdent(name)
		}
	}
	return typeOf(s, x, 0)
}

// cellTypeName returns T for a type T or *T that a cell declared, not as an
// interface, or "".
func cellTypeName(s Session, t ast.Expr) string {
	if st, ok := t.(*ast.StarExpr); ok {
		t = st.X
	}
	id, ok := t.(*ast.Ident)
	if !ok {
		return ""
	}
	switch sessionTypeDecl(s, id.Name).(type) {
	case nil, *ast.InterfaceType:
		return ""
	}
	return id.Name
}
