package rewrite

import (
	"go/ast"
	"go/token"
)

// yaegi v0.16.1 compares two values held in an any as Go values of its own
// (node, value) pair when they are of a cell type with methods, so two
// equal ones differ unless they are structs: with `type Level int` having a
// String method, `var v any = Level(2)` makes v == Level(2), v == w and
// v == any(Level(2)) false. A comparison (not with nil) of a value the code
// shows is an any, or in generic code of a type parameter's value
// (Index[T comparable] called on a []any), goes through the engine's
// helper, which compares the
// values inside the pairs and their cell types (kernel/celltypeswitch.go;
// a bare value, as an any holds one of a type without methods, by its
// run-time type, as yaegi does). Errors are errorequal's. The pass comes
// before fmtargs, whose wrapping of a print argument then encloses it.
//
//	v == Level(2)   →  __rt.Equal([]__nnany{__nnany(v)}, []__nnany{__nnany(Level(2))})
//	v != w          →  !__rt.Equal([]__nnany{__nnany(v)}, []__nnany{__nnany(w)})
//	seen[k]         →  seen[__rt.Held([]__nnany{__nnany(k)})]                 (seen a map[any]bool)
//
// (So such keys are bare values, as keys of a cell type without methods
// were before cell types had hidden methods: Celsius(1) and 1.0 are one
// key.)

func anyEqualEdits(s Session, u *Unit) []Edit {
	var edits []Edit
	key := func(k ast.Expr) {
		if u.Off(k.Pos()) < 0 || isNil(k) {
			return
		}
		edits = append(edits,
			Edit{u.Off(k.Pos()), u.Off(k.Pos()), Runtime + ".Held([]" + AnyType + "{" + AnyType + "("},
			Edit{u.Off(k.End()), u.Off(k.End()), ")})"})
	}
	inspectErrors(s, u, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.IndexExpr:
			if anyKeyMap(s, typeOf(s, n.X, 0)) {
				key(n.Index)
			}
		case *ast.CompositeLit:
			if t := n.Type; t != nil && anyKeyMap(s, t) {
				for _, el := range n.Elts {
					if kv, ok := el.(*ast.KeyValueExpr); ok {
						key(kv.Key)
					}
				}
			}
		case *ast.CallExpr:
			if isPredeclared(s, n.Fun, "delete") && len(n.Args) == 2 && anyKeyMap(s, typeOf(s, n.Args[0], 0)) {
				key(n.Args[1])
			}
		}
		be, ok := n.(*ast.BinaryExpr)
		if !ok || be.Op != token.EQL && be.Op != token.NEQ || u.Off(be.Pos()) < 0 ||
			isNil(be.X) || isNil(be.Y) || isError(s, be.X) || isError(s, be.Y) ||
			!mayHoldPair(s, typeOf(s, be.X, 0)) && !mayHoldPair(s, typeOf(s, be.Y, 0)) {
			return true
		}
		open := Runtime + ".Equal([]" + AnyType + "{" + AnyType + "("
		if be.Op == token.NEQ {
			open = "!" + open
		}
		edits = append(edits,
			Edit{u.Off(be.X.Pos()), u.Off(be.X.Pos()), open},
			Edit{u.Off(be.X.End()), u.Off(be.Y.Pos()), ")}, []" + AnyType + "{" + AnyType + "("},
			Edit{u.Off(be.Y.End()), u.Off(be.Y.End()), ")})"})
		return true
	})
	return edits
}

// mayHoldPair reports whether a value of the type t may be one of yaegi's
// (node, value) pairs: an any, or a type parameter (T is any when Index[T
// comparable] is called on a []any; yaegi compares the pairs themselves).
func mayHoldPair(s Session, t ast.Expr) bool {
	if id, ok := t.(*ast.Ident); ok && id.Obj != nil && id.Obj.Kind == ast.Typ {
		if _, param := id.Obj.Decl.(*ast.Field); param {
			return true
		}
	}
	return isEmptyInterfaceType(s, t)
}

// isNil reports whether x is the predeclared nil (maybe in parentheses).
func isNil(x ast.Expr) bool {
	if p, ok := x.(*ast.ParenExpr); ok {
		return isNil(p.X)
	}
	id, ok := x.(*ast.Ident)
	return ok && id.Name == "nil" && id.Obj == nil
}

// anyKeyMap reports whether t spells a map type whose keys are any.
func anyKeyMap(s Session, t ast.Expr) bool {
	m, ok := t.(*ast.MapType)
	return ok && isEmptyInterfaceType(s, m.Key)
}
