package rewrite

import (
	"go/ast"
	"go/token"
)

// yaegi v0.16.1 keeps the type of a value of a cell type with methods when
// it stores it in an any by assignment (var v any = t) or as an argument,
// as the pair (node, value); the explicit conversion any(t) or
// interface{}(t) keeps the bare value, whose type is then lost: %T prints
// float64 for a Temp, a type switch's `case Temp:` does not match. The
// conversion becomes a call of a function literal taking an any, whose
// parameter yaegi fills as it does for an argument. (Every cell type has
// methods, hidden ones at least: kernel/hiddenmethods.go.)
//
//	any(t)          →  func(__nnconv any) any { return __nnconv }(t)
//	interface{}(t)  →  func(__nnconv any) any { return __nnconv }(t)
//
// yaegi keeps bare a composite literal of a named type given to an any by
// a declaration, an assignment or a return statement too (var v any =
// IDs{1, 2} printed []int), which the literal wraps the same way:
//
//	var v any = IDs{1, 2}  →  var v any = func(__nnconv any) any { return __nnconv }(IDs{1, 2})

// convVar is the parameter of the literal a conversion to any becomes.
const convVar = "__nnconv"

func anyConvEdits(s Session, u *Unit) []Edit {
	var edits []Edit
	// A composite literal of a named type stored in an any by a
	// declaration, an assignment or a return is kept bare too.
	literal := func(x ast.Expr) {
		for {
			p, ok := x.(*ast.ParenExpr)
			if !ok {
				break
			}
			x = p.X
		}
		cl, ok := x.(*ast.CompositeLit)
		if !ok || u.Off(cl.Pos()) < 0 {
			return
		}
		if _, named := cl.Type.(*ast.Ident); !named {
			return
		}
		edits = append(edits,
			Edit{u.Off(cl.Pos()), u.Off(cl.Pos()), "func(" + convVar + " any) any { return " + convVar + " }("},
			Edit{u.Off(cl.End()), u.Off(cl.End()), ")"})
	}
	var results []*ast.FieldList // of the enclosing functions
	var visit func(n ast.Node) bool
	visit = func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncDecl:
			if n.Body != nil {
				results = append(results, n.Type.Results)
				ast.Inspect(n.Body, visit)
				results = results[:len(results)-1]
			}
			return false
		case *ast.FuncLit:
			results = append(results, n.Type.Results)
			ast.Inspect(n.Body, visit)
			results = results[:len(results)-1]
			return false
		case *ast.CallExpr:
			if len(n.Args) == 1 && !n.Ellipsis.IsValid() && isEmptyInterfaceType(s, n.Fun) && u.Off(n.Pos()) >= 0 {
				edits = append(edits, Edit{u.Off(n.Fun.Pos()), u.Off(n.Lparen), "func(" + convVar + " any) any { return " + convVar + " }"})
			}
		case *ast.ValueSpec:
			if n.Type != nil && isEmptyInterfaceType(s, n.Type) {
				for _, v := range n.Values {
					literal(v)
				}
			}
		case *ast.AssignStmt:
			if n.Tok == token.ASSIGN && len(n.Lhs) == len(n.Rhs) {
				for i, l := range n.Lhs {
					if isEmptyInterfaceType(s, typeOf(s, l, 0)) {
						literal(n.Rhs[i])
					}
				}
			}
		case *ast.ReturnStmt:
			if len(results) > 0 && results[len(results)-1] != nil {
				types := fieldTypesExpr(results[len(results)-1])
				if len(types) == len(n.Results) {
					for i, r := range n.Results {
						if isEmptyInterfaceType(s, types[i]) {
							literal(r)
						}
					}
				}
			}
		}
		return true
	}
	ast.Inspect(u.File, visit)
	return edits
}

// fieldTypesExpr lists the type of each entry of a field list, once per
// name.
func fieldTypesExpr(fl *ast.FieldList) (out []ast.Expr) {
	for _, f := range fl.List {
		for range max(1, len(f.Names)) {
			out = append(out, f.Type)
		}
	}
	return out
}

// isEmptyInterfaceType reports whether x spells the empty interface: the
// predeclared any (not shadowed) or interface{}, maybe in parentheses.
func isEmptyInterfaceType(s Session, x ast.Expr) bool {
	switch x := x.(type) {
	case *ast.ParenExpr:
		return isEmptyInterfaceType(s, x.X)
	case *ast.Ident:
		return isPredeclared(s, x, "any")
	case *ast.InterfaceType:
		return len(x.Methods.List) == 0
	}
	return false
}
