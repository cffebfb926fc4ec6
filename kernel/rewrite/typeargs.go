package rewrite

import (
	"go/ast"
	"go/token"
	"strings"
)

// yaegi v0.16.1 infers a type parameter given only untyped constants as
// "untyped float" (or int, rune…) instead of the constants' default type,
// and rejects the call: Clamp(-2.5, -1, 1) with T cmp.Ordered fails with
// "untyped float does not implement cmp.Ordered", and a variadic
// Largest(3, 9, 2) panics in yaegi's compiler. Go infers the default type
// of the constants (int, rune, float64, complex128 — the last of those
// the constants have, in that order). A call of a generic function with one
// type parameter (declared in the unit or by a cell), all of whose
// arguments for that parameter are untyped constant expressions, gets the
// type argument written out; yaegi handles explicit instantiation.
//
// yaegi also binds the types it infers to the type parameters by position
// in the parameter list, so maps.EqualFunc(m1, m2, eq) with two
// map[int]string gets V2 = int. A call of a generic function with several
// type parameters (of the unit, a cell, or an interpreted standard package,
// Session.PackageFunc) whose type arguments all follow from the written
// types of its arguments (composite literals, variables declared with a
// type or from one) gets them written out too.
//
//	Clamp(-2.5, -1, 1)   →   Clamp[float64](-2.5, -1, 1)
//	Largest(3, 9, 2)     →   Largest[int](3, 9, 2)
//	maps.EqualFunc(m, u, strings.EqualFold)
//	  →  maps.EqualFunc[int, string, string](m, u, strings.EqualFold)
//	     (m, u := map[int]string{…})

func typeArgEdits(s Session, u *Unit) []Edit {
	var edits []Edit
	ast.Inspect(u.File, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || call.Ellipsis.IsValid() {
			return true
		}
		fd := genericFunc(s, call.Fun)
		if fd == nil {
			return true
		}
		end := u.Off(call.Fun.End())
		tps := fd.Type.TypeParams.List
		if len(tps) == 1 && len(tps[0].Names) == 1 {
			if t := untypedTypeArg(fd.Type, tps[0].Names[0].Name, call.Args); t != "" {
				edits = append(edits, Edit{end, end, "[" + t + "]"})
			}
			return true
		}
		if ts := writtenTypeArgs(u, fd.Type, call.Args); ts != "" {
			edits = append(edits, Edit{end, end, "[" + ts + "]"})
		}
		return true
	})
	return edits
}

// genericFunc returns the declaration of the generic function fun names:
// one of the unit, one a cell declared, or one of an interpreted package.
func genericFunc(s Session, fun ast.Expr) *ast.FuncDecl {
	var fd *ast.FuncDecl
	switch f := fun.(type) {
	case *ast.Ident:
		if f.Obj != nil {
			fd, _ = f.Obj.Decl.(*ast.FuncDecl)
		} else if s.Declared(f.Name) {
			fd = s.Func(f.Name)
		}
	case *ast.SelectorExpr:
		if pkg, ok := f.X.(*ast.Ident); ok && pkg.Obj == nil && !s.Declared(pkg.Name) {
			fd = s.PackageFunc(pkg.Name, f.Sel.Name)
		}
	}
	if fd == nil || fd.Recv != nil || fd.Type.TypeParams == nil {
		return nil
	}
	return fd
}

// untypedTypeArg returns the type Go infers for the type parameter tp of a
// function of type ft called with args, when every argument for tp is an
// untyped constant and tp appears in no other parameter; "" otherwise.
func untypedTypeArg(ft *ast.FuncType, tp string, args []ast.Expr) string {
	var params []ast.Expr // the parameter type of each argument
	for _, f := range ft.Params.List {
		n := max(len(f.Names), 1)
		for range n {
			params = append(params, f.Type)
		}
	}
	kind := -1
	for i, a := range args {
		var pt ast.Expr
		switch {
		case i < len(params):
			pt = params[i]
		case len(params) > 0:
			pt = params[len(params)-1] // the variadic parameter
		default:
			return ""
		}
		if e, ok := pt.(*ast.Ellipsis); ok {
			pt = e.Elt
		}
		if id, ok := pt.(*ast.Ident); ok && id.Name == tp {
			k := constKind(a)
			if k < 0 {
				return ""
			}
			kind = max(kind, k)
			continue
		}
		if mentions(pt, tp) {
			return ""
		}
	}
	if kind < 0 {
		return ""
	}
	return defaultTypes[kind]
}

// defaultTypes are the default types of untyped constants, by constKind.
var defaultTypes = []string{"int", "rune", "float64", "complex128", "string", "bool"}

// constKind returns the index in defaultTypes of the kind of the untyped
// constant expression x written with literals, or -1 when x is not one.
func constKind(x ast.Expr) int {
	switch x := x.(type) {
	case *ast.BasicLit:
		return map[token.Token]int{token.INT: 0, token.CHAR: 1, token.FLOAT: 2, token.IMAG: 3, token.STRING: 4}[x.Kind]
	case *ast.ParenExpr:
		return constKind(x.X)
	case *ast.UnaryExpr:
		if x.Op == token.ADD || x.Op == token.SUB || x.Op == token.XOR {
			if k := constKind(x.X); k <= 3 {
				return k
			}
		}
	case *ast.BinaryExpr:
		l, r := constKind(x.X), constKind(x.Y)
		switch {
		case l < 0 || r < 0:
		case x.Op == token.SHL || x.Op == token.SHR:
			if l <= 1 {
				return l
			}
		case l <= 3 && r <= 3 && (x.Op == token.ADD || x.Op == token.SUB || x.Op == token.MUL || x.Op == token.QUO):
			return max(l, r)
		case l <= 1 && r <= 1 && (x.Op == token.REM || x.Op == token.AND || x.Op == token.OR || x.Op == token.XOR || x.Op == token.AND_NOT):
			return max(l, r)
		case l == 4 && r == 4 && x.Op == token.ADD:
			return 4
		}
	}
	return -1
}

// mentions reports whether the type expression t uses the name tp.
func mentions(t ast.Expr, tp string) bool {
	found := false
	ast.Inspect(t, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && id.Name == tp {
			found = true
		}
		return !found
	})
	return found
}

// writtenTypeArgs returns the type arguments of a function of type ft
// called with args, separated by commas, when the written types of the
// arguments give every one and no type parameter has a core-type constraint
// (yaegi cannot instantiate those explicitly); "" otherwise.
func writtenTypeArgs(u *Unit, ft *ast.FuncType, args []ast.Expr) string {
	var names []string
	for _, f := range ft.TypeParams.List {
		if coreType(f.Type) != nil {
			return ""
		}
		for _, n := range f.Names {
			names = append(names, n.Name)
		}
	}
	bound := map[string]string{}
	isParam := map[string]bool{}
	for _, n := range names {
		isParam[n] = true
	}
	var params []ast.Expr
	for _, f := range ft.Params.List {
		for range max(len(f.Names), 1) {
			params = append(params, f.Type)
		}
	}
	for i, a := range args {
		if i >= len(params) {
			break
		}
		if _, ok := params[i].(*ast.Ellipsis); ok {
			break
		}
		if at := writtenType(a, 0); at != nil && !unify(u, params[i], at, isParam, bound) {
			return ""
		}
	}
	var ts []string
	for _, n := range names {
		if bound[n] == "" {
			return ""
		}
		ts = append(ts, bound[n])
	}
	return strings.Join(ts, ", ")
}

// writtenType returns the type expression the source gives x: a composite
// literal's type, or the type or value of the declaration of a variable.
func writtenType(x ast.Expr, depth int) ast.Expr {
	if depth > 4 {
		return nil
	}
	switch x := x.(type) {
	case *ast.ParenExpr:
		return writtenType(x.X, depth+1)
	case *ast.CompositeLit:
		return x.Type
	case *ast.Ident:
		if x.Obj == nil {
			return nil
		}
		switch d := x.Obj.Decl.(type) {
		case *ast.ValueSpec:
			if d.Type != nil {
				return d.Type
			}
		}
		if _, value := declOf(x); value != nil {
			return writtenType(value, depth+1)
		}
	}
	return nil
}

// unify matches the parameter type pt with the written argument type at,
// binding the type parameters pt uses to the text of the types they stand
// for; it reports false on a conflict. Shapes it cannot follow bind nothing.
func unify(u *Unit, pt, at ast.Expr, isParam map[string]bool, bound map[string]string) bool {
	switch p := pt.(type) {
	case *ast.Ident:
		if !isParam[p.Name] {
			return true
		}
		text := u.Text[u.Off(at.Pos()):u.Off(at.End())]
		if old, ok := bound[p.Name]; ok && old != text {
			return false
		}
		bound[p.Name] = text
	case *ast.MapType:
		if a, ok := at.(*ast.MapType); ok {
			return unify(u, p.Key, a.Key, isParam, bound) && unify(u, p.Value, a.Value, isParam, bound)
		}
	case *ast.ArrayType:
		if a, ok := at.(*ast.ArrayType); ok && p.Len == nil && a.Len == nil {
			return unify(u, p.Elt, a.Elt, isParam, bound)
		}
	case *ast.StarExpr:
		if a, ok := at.(*ast.StarExpr); ok {
			return unify(u, p.X, a.X, isParam, bound)
		}
	}
	return true
}
