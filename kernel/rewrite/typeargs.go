package rewrite

import (
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"strings"
)

// yaegi v0.16.1 infers type arguments its own way, which differs from Go's
// in everyday calls:
//   - it binds the types it finds to the type parameters by position in the
//     parameter list, so Map([]int{1}, func(x int) string {…}) with
//     Map[T, U any](xs []T, f func(T) U) gets U = int, and
//     maps.EqualFunc(m1, m2, eq) with two map[int]string gets V2 = int;
//   - it reads only the first argument of parameters declared together, and
//     takes an untyped constant's type as it is: Clamp(-2.5, -1, 1) fails
//     with "untyped float does not implement cmp.Ordered", Clamp(0.5, lo,
//     hi) with float64 lo and hi fails, a variadic Largest(3, 9, 2) panics.
//
// Go infers from the typed arguments first, then gives a type parameter
// that only untyped constants determine their default type (int, rune,
// float64, complex128 — the last of those the constants have, in that
// order). A call of a generic function (of the unit, of a cell, or of an
// interpreted standard package, Session.PackageFunc) whose type arguments
// all follow that way from the written types of its arguments — untyped
// constants, composite literals, function literals, conversions to basic
// types, variables declared with a type or from such a value (in the unit,
// earlier in the cell: Session.CellVarType, or by an earlier cell) — gets them
// written out; yaegi handles explicit instantiation. Calls inside generic
// functions, and functions with a core-type constraint (M ~map[K]V, which
// yaegi cannot instantiate explicitly; see coretypes), are left alone.
//
//	Clamp(-2.5, -1, 1)   →   Clamp[float64](-2.5, -1, 1)
//	Largest(3, 9, 2)     →   Largest[int](3, 9, 2)
//	Map([]int{1}, func(x int) string { … })
//	  →  Map[int, string]([]int{1}, func(x int) string { … })
//	maps.EqualFunc(m, u, strings.EqualFold)
//	  →  maps.EqualFunc[int, string, string](m, u, strings.EqualFold)
//	     (m, u := map[int]string{…})

func typeArgEdits(s Session, u *Unit) []Edit {
	var edits []Edit
	var visit func(n ast.Node) bool
	inGeneric := false
	visit = func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncDecl:
			if n.Type.TypeParams != nil || genericRecv(n) {
				// Inside generic functions and methods only spread calls
				// (yaegi's own inference panics on them).
				inGeneric = true
				ast.Inspect(n.Body, visit)
				inGeneric = false
				return false
			}
		case *ast.CallExpr:
			if inGeneric && !n.Ellipsis.IsValid() {
				return true
			}
			fd := genericFunc(s, n.Fun)
			if fd == nil {
				return true
			}
			if ts := inferTypeArgs(s, fd.Type, n.Args, n.Ellipsis.IsValid()); ts != "" {
				end := u.Off(n.Fun.End())
				edits = append(edits, Edit{end, end, "[" + ts + "]"})
			}
		}
		return true
	}
	ast.Inspect(u.File, visit)
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
		} else {
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

// inferTypeArgs returns the type arguments Go infers for a call of a
// function of type ft with args (the last one spread with ... when spread),
// separated by commas, when the written types of the arguments give every
// one; "" otherwise.
func inferTypeArgs(s Session, ft *ast.FuncType, args []ast.Expr, spread bool) string {
	bound, names := inferBindings(s, ft, args, spread)
	if bound == nil {
		return ""
	}
	var ts []string
	for _, n := range names {
		ts = append(ts, bound[n])
	}
	return strings.Join(ts, ", ")
}

// inferBindings returns the type each type parameter of ft stands for in a
// call with args, and the type parameters in order; a nil map when the
// written types of the arguments do not give them all.
func inferBindings(s Session, ft *ast.FuncType, args []ast.Expr, spread bool) (map[string]string, []string) {
	var names []string
	isParam := map[string]bool{}
	for _, f := range ft.TypeParams.List {
		if coreType(f.Type) != nil {
			return nil, nil
		}
		for _, n := range f.Names {
			names = append(names, n.Name)
			isParam[n.Name] = true
		}
	}
	var params []ast.Expr // the parameter type of each argument
	for _, f := range ft.Params.List {
		for range max(len(f.Names), 1) {
			params = append(params, f.Type)
		}
	}
	bound := map[string]string{}
	untyped := map[string]int{}  // type parameter → kind of its untyped constants
	unknown := map[string]bool{} // type parameters used by arguments of unknown type
	for i, a := range args {
		var pt ast.Expr
		switch {
		case i < len(params):
			pt = params[i]
		case len(params) > 0:
			pt = params[len(params)-1]
		default:
			return nil, nil
		}
		if e, ok := pt.(*ast.Ellipsis); ok {
			if spread && i == len(args)-1 {
				pt = &ast.ArrayType{Elt: e.Elt} // xs... is the []E itself
			} else {
				pt = e.Elt
			}
		} else if i >= len(params) || spread && i == len(args)-1 {
			return nil, nil // the compiler says so
		}
		if k := constKind(a); k >= 0 {
			if id, ok := pt.(*ast.Ident); ok && isParam[id.Name] {
				if old, seen := untyped[id.Name]; !seen || k > old {
					untyped[id.Name] = k
				}
			}
			continue
		}
		at := writtenType(s, a, 0)
		if at == nil {
			// An argument of a type the source does not show: the type
			// parameters it uses must come from typed arguments.
			for n := range isParam {
				if mentions(pt, n) {
					unknown[n] = true
				}
			}
			continue
		}
		if !unify(pt, at, isParam, unknown, bound) {
			return nil, nil
		}
	}
	for _, n := range names {
		if bound[n] == "" {
			k, ok := untyped[n]
			if !ok || unknown[n] {
				return nil, nil
			}
			bound[n] = defaultTypes[k]
		}
	}
	return bound, names
}

// defaultTypes are the default types of untyped constants, by constKind.
var defaultTypes = []string{"int", "rune", "float64", "complex128", "string"}

// basicTypes are the predeclared types a conversion may name.
var basicTypes = map[string]bool{
	"bool": true, "string": true, "int": true, "int8": true, "int16": true, "int32": true, "int64": true,
	"uint": true, "uint8": true, "uint16": true, "uint32": true, "uint64": true, "uintptr": true,
	"byte": true, "rune": true, "float32": true, "float64": true, "complex64": true, "complex128": true,
}

// writtenType returns the type expression the source gives x: a composite
// or function literal's type, a conversion's type, or the type a variable
// was declared with or gets from its value (depth > 0: an untyped constant
// then has its default type).
func writtenType(s Session, x ast.Expr, depth int) ast.Expr {
	if depth > 4 {
		return nil
	}
	if k := constKind(x); k >= 0 && depth > 0 {
		return ast.NewIdent(defaultTypes[k])
	}
	switch x := x.(type) {
	case *ast.ParenExpr:
		return writtenType(s, x.X, depth+1)
	case *ast.CompositeLit:
		return x.Type
	case *ast.UnaryExpr:
		if lit, ok := x.X.(*ast.CompositeLit); ok && x.Op == token.AND && lit.Type != nil {
			return &ast.StarExpr{X: lit.Type}
		}
	case *ast.FuncLit:
		return x.Type
	case *ast.CallExpr:
		switch f := x.Fun.(type) {
		case *ast.Ident:
			if len(x.Args) == 1 && (f.Obj == nil && basicTypes[f.Name] && !s.Declared(f.Name) || f.Obj != nil && f.Obj.Kind == ast.Typ) {
				return f
			}
		case *ast.ArrayType, *ast.MapType:
			return f
		}
		if isPredeclared(s, x.Fun, "make") && len(x.Args) > 0 {
			return x.Args[0]
		}
		return genericResult(s, x, depth)
	case *ast.Ident:
		if x.Obj == nil {
			t, defined := s.CellVarType(x.Name)
			if !defined {
				t = s.TypeOf(x.Name)
			}
			if t, err := parser.ParseExpr(t); err == nil {
				return t
			}
			return nil
		}
		if d, ok := x.Obj.Decl.(*ast.ValueSpec); ok && d.Type != nil {
			return d.Type
		}
		if d, ok := x.Obj.Decl.(*ast.Field); ok {
			if e, ok := d.Type.(*ast.Ellipsis); ok {
				return &ast.ArrayType{Elt: e.Elt} // a variadic parameter
			}
			return d.Type // a parameter
		}
		if _, value := declOf(x); value != nil {
			return writtenType(s, value, depth+1)
		}
	}
	return nil
}

// genericResult returns the type of a call of a generic function with one
// result, with the type arguments written or inferred from the written
// types of the arguments.
func genericResult(s Session, c *ast.CallExpr, depth int) ast.Expr {
	fun := c.Fun
	var explicit []ast.Expr
	switch f := fun.(type) {
	case *ast.IndexExpr:
		fun, explicit = f.X, []ast.Expr{f.Index}
	case *ast.IndexListExpr:
		fun, explicit = f.X, f.Indices
	}
	fd := genericFunc(s, fun)
	if fd == nil || fd.Type.Results == nil || len(fd.Type.Results.List) != 1 || len(fd.Type.Results.List[0].Names) > 1 {
		return nil
	}
	var bound map[string]string
	if explicit != nil {
		bound = map[string]string{}
		i := 0
		for _, f := range fd.Type.TypeParams.List {
			for _, n := range f.Names {
				if i >= len(explicit) {
					return nil // partly explicit: not followed
				}
				bound[n.Name] = types.ExprString(explicit[i])
				i++
			}
		}
	} else if depth < 4 {
		bound, _ = inferBindings(s, fd.Type, c.Args, c.Ellipsis.IsValid())
	}
	if bound == nil {
		return nil
	}
	return substType(fd.Type.Results.List[0].Type, bound)
}

// substType returns a copy of the type expression t with the type
// parameters of bound replaced by their types, or nil for a shape it does
// not follow.
func substType(t ast.Expr, bound map[string]string) ast.Expr {
	sub := func(x ast.Expr) ast.Expr { return substType(x, bound) }
	switch t := t.(type) {
	case *ast.Ident:
		if b, ok := bound[t.Name]; ok {
			x, err := parser.ParseExpr(b)
			if err != nil {
				return nil
			}
			return x
		}
		return ast.NewIdent(t.Name)
	case *ast.SelectorExpr:
		return t
	case *ast.StarExpr:
		if x := sub(t.X); x != nil {
			return &ast.StarExpr{X: x}
		}
	case *ast.ArrayType:
		if t.Len == nil {
			if e := sub(t.Elt); e != nil {
				return &ast.ArrayType{Elt: e}
			}
		}
	case *ast.MapType:
		if k, v := sub(t.Key), sub(t.Value); k != nil && v != nil {
			return &ast.MapType{Key: k, Value: v}
		}
	case *ast.ChanType:
		if v := sub(t.Value); v != nil {
			return &ast.ChanType{Dir: t.Dir, Value: v}
		}
	case *ast.IndexExpr:
		if x, i := sub(t.X), sub(t.Index); x != nil && i != nil {
			return &ast.IndexExpr{X: x, Index: i}
		}
	case *ast.IndexListExpr:
		x := sub(t.X)
		if x == nil {
			return nil
		}
		var is []ast.Expr
		for _, i := range t.Indices {
			if i = sub(i); i == nil {
				return nil
			}
			is = append(is, i)
		}
		return &ast.IndexListExpr{X: x, Indices: is}
	}
	return nil
}

// unify matches the parameter type pt with the written argument type at,
// binding the type parameters pt uses to the types they stand for; it
// reports false on a conflict. The type parameters of a shape it cannot
// follow (a named type for []T) are marked unknown.
func unify(pt, at ast.Expr, isParam, unknown map[string]bool, bound map[string]string) bool {
	follow := func(p, a ast.Expr) bool { return unify(p, a, isParam, unknown, bound) }
	switch p := pt.(type) {
	case *ast.Ident:
		if !isParam[p.Name] {
			return true
		}
		text := types.ExprString(at)
		if old, ok := bound[p.Name]; ok && old != text {
			return false
		}
		bound[p.Name] = text
		return true
	case *ast.MapType:
		if a, ok := at.(*ast.MapType); ok {
			return follow(p.Key, a.Key) && follow(p.Value, a.Value)
		}
	case *ast.ArrayType:
		if a, ok := at.(*ast.ArrayType); ok && p.Len == nil && a.Len == nil {
			return follow(p.Elt, a.Elt)
		}
	case *ast.StarExpr:
		if a, ok := at.(*ast.StarExpr); ok {
			return follow(p.X, a.X)
		}
	case *ast.IndexExpr: // an instance of a generic type: Set[T]
		if a, ok := at.(*ast.IndexExpr); ok && types.ExprString(p.X) == types.ExprString(a.X) {
			return follow(p.Index, a.Index)
		}
	case *ast.IndexListExpr:
		if a, ok := at.(*ast.IndexListExpr); ok && types.ExprString(p.X) == types.ExprString(a.X) && len(p.Indices) == len(a.Indices) {
			for i := range p.Indices {
				if !follow(p.Indices[i], a.Indices[i]) {
					return false
				}
			}
			return true
		}
	case *ast.ChanType:
		if a, ok := at.(*ast.ChanType); ok {
			return follow(p.Value, a.Value)
		}
	case *ast.FuncType:
		if a, ok := at.(*ast.FuncType); ok {
			pp, ap := fieldTypeExprs(p.Params), fieldTypeExprs(a.Params)
			pr, ar := fieldTypeExprs(p.Results), fieldTypeExprs(a.Results)
			if len(pp) == len(ap) && len(pr) == len(ar) {
				for i := range pp {
					if !follow(pp[i], ap[i]) {
						return false
					}
				}
				for i := range pr {
					if !follow(pr[i], ar[i]) {
						return false
					}
				}
				return true
			}
		}
	}
	for n := range isParam {
		if mentions(pt, n) {
			unknown[n] = true
		}
	}
	return true
}

// fieldTypeExprs lists the type of every field of fl, once per name.
func fieldTypeExprs(fl *ast.FieldList) []ast.Expr {
	if fl == nil {
		return nil
	}
	var ts []ast.Expr
	for _, f := range fl.List {
		for range max(len(f.Names), 1) {
			ts = append(ts, f.Type)
		}
	}
	return ts
}

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

// genericRecv reports whether fd is a method of a generic type.
func genericRecv(fd *ast.FuncDecl) bool {
	if fd.Recv == nil || len(fd.Recv.List) != 1 {
		return false
	}
	t := fd.Recv.List[0].Type
	if st, ok := t.(*ast.StarExpr); ok {
		t = st.X
	}
	switch t.(type) {
	case *ast.IndexExpr, *ast.IndexListExpr:
		return true
	}
	return false
}

// DefinedTypes returns the variables a statement defines at its top level
// (x := v, var x T, var x = v) with the types their source gives them as Go
// source, "" where it shows none.
func DefinedTypes(s Session, st ast.Stmt) map[string]string {
	defs := map[string]string{}
	typeText := func(x ast.Expr) string {
		if t := writtenType(s, x, 1); t != nil {
			return types.ExprString(t)
		}
		return ""
	}
	switch st := st.(type) {
	case *ast.AssignStmt:
		if st.Tok != token.DEFINE {
			break
		}
		for i, l := range st.Lhs {
			if id, ok := l.(*ast.Ident); ok && id.Name != "_" {
				defs[id.Name] = ""
				if len(st.Lhs) == len(st.Rhs) {
					defs[id.Name] = typeText(st.Rhs[i])
				}
			}
		}
	case *ast.DeclStmt:
		g, ok := st.Decl.(*ast.GenDecl)
		if !ok || g.Tok != token.VAR {
			break
		}
		for _, spec := range g.Specs {
			vs := spec.(*ast.ValueSpec)
			for i, id := range vs.Names {
				switch {
				case vs.Type != nil:
					defs[id.Name] = types.ExprString(vs.Type)
				case len(vs.Values) == len(vs.Names):
					defs[id.Name] = typeText(vs.Values[i])
				default:
					defs[id.Name] = ""
				}
			}
		}
	}
	return defs
}
