package rewrite

import (
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"strings"
)

// The rangefunc pass must spell the parameter types of the loop body it
// makes from a range over a function, so it reads them from the code, as
// far as the syntax shows them: the iterator's declared type (a func,
// iter.Seq[V], iter.Seq2[K, V]), found through function declarations and
// literals, parameters, variables declared with a type or initialised from
// something typed, calls of functions with one result, the session's
// functions and variables (Session.TypeOf), and the standard library's
// iterator functions (slices.All(xs) yields int and xs's element type).
// What it cannot tell is not rewritten; the engine names such a loop.

// Typed reports whether the code shows the type of x.
func Typed(s Session, x ast.Expr) bool {
	return typeOf(s, x, 0) != nil
}

// IsFunc reports whether the code shows that x is a function.
func IsFunc(s Session, x ast.Expr) bool {
	t := typeOf(s, x, 0)
	if p, ok := t.(*ast.ParenExpr); ok {
		t = p.X
	}
	_, fn := t.(*ast.FuncType)
	return fn || isIterTypeExpr(t)
}

// IterYield returns the parameter types of the yield function of the
// iterator x, a range expression, as source text, or ok false when x is not
// an iterator whose types the code shows.
func IterYield(s Session, x ast.Expr) (params []string, ok bool) {
	t := typeOf(s, x, 0)
	if t == nil {
		return nil, false
	}
	return yieldParams(t, 0)
}

// maxDepth bounds the chains of declarations followed.
const maxDepth = 12

// typeOf returns the type expression of x, or nil when the syntax does not
// show it.
func typeOf(s Session, x ast.Expr, depth int) ast.Expr {
	if depth > maxDepth {
		return nil
	}
	switch x := x.(type) {
	case *ast.ParenExpr:
		return typeOf(s, x.X, depth+1)
	case *ast.FuncLit:
		return x.Type
	case *ast.CompositeLit:
		return x.Type
	case *ast.TypeAssertExpr:
		return x.Type
	case *ast.UnaryExpr:
		switch t := typeOf(s, x.X, depth+1).(type) {
		case nil:
		case *ast.ChanType:
			if x.Op == token.ARROW {
				return t.Value
			}
		default:
			if x.Op == token.AND {
				return &ast.StarExpr{X: t}
			}
		}
	case *ast.BasicLit:
		if x.Kind == token.STRING {
			return ast.NewIdent("string")
		}
	case *ast.Ident:
		if x.Obj != nil {
			return declType(s, x, depth)
		}
		return sessionType(s, x.Name)
	case *ast.SelectorExpr:
		if pkg, ok := x.X.(*ast.Ident); ok && pkg.Obj == nil && !s.Declared(pkg.Name) {
			return sessionType(s, pkg.Name+"."+x.Sel.Name)
		}
		if ft := methodType(s, x, depth); ft != nil {
			return ft // a method value
		}
		return fieldType(s, typeOf(s, x.X, depth+1), x.Sel.Name)
	case *ast.IndexExpr:
		switch t := typeOf(s, x.X, depth+1).(type) {
		case *ast.ArrayType:
			return t.Elt
		case *ast.MapType:
			return t.Value
		}
	case *ast.CallExpr:
		if isIterTypeExpr(x.Fun) && len(x.Args) == 1 {
			return x.Fun // a conversion: iter.Seq[int](f)
		}
		if id, ok := x.Fun.(*ast.Ident); ok && id.Obj == nil && !s.Declared(id.Name) && len(x.Args) > 0 {
			switch id.Name {
			case "make":
				return x.Args[0]
			case "new":
				return &ast.StarExpr{X: x.Args[0]}
			}
		}
		switch fun := x.Fun.(type) {
		case *ast.ArrayType, *ast.MapType, *ast.FuncType, *ast.ChanType:
			return fun // a conversion
		case *ast.ParenExpr:
			if _, ok := fun.X.(*ast.FuncType); ok {
				return fun.X
			}
		}
		if t := stdIterCall(s, x, depth); t != nil {
			return t
		}
		if t := methodType(s, x.Fun, depth); t != nil {
			return resultType(t, 0, 1)
		}
		if t := instanceType(s, x.Fun); t != nil {
			return resultType(t, 0, 1)
		}
		if ft, ok := typeOf(s, x.Fun, depth+1).(*ast.FuncType); ok {
			return resultType(ft, 0, 1)
		}
	}
	return nil
}

// declType returns the type of the identifier id as its declaration in the
// unit shows it.
func declType(s Session, id *ast.Ident, depth int) ast.Expr {
	switch d := id.Obj.Decl.(type) {
	case *ast.FuncDecl:
		if d.Recv == nil && d.Type.TypeParams == nil {
			return d.Type
		}
	case *ast.Field:
		if _, variadic := d.Type.(*ast.Ellipsis); !variadic {
			return d.Type
		}
	case *ast.ValueSpec:
		if d.Type != nil {
			return d.Type
		}
		if len(d.Values) == len(d.Names) {
			for i, n := range d.Names {
				if n.Name == id.Name {
					return typeOf(s, d.Values[i], depth+1)
				}
			}
		}
	case *ast.AssignStmt:
		for i, l := range d.Lhs {
			l, ok := l.(*ast.Ident)
			if !ok || l.Name != id.Name {
				continue
			}
			if u, ok := d.Rhs[0].(*ast.UnaryExpr); ok && u.Op == token.RANGE && len(d.Rhs) == 1 {
				return rangeVarType(s, u.X, i, depth+1)
			}
			if len(d.Lhs) == len(d.Rhs) {
				return typeOf(s, d.Rhs[i], depth+1)
			}
			if call, ok := d.Rhs[0].(*ast.CallExpr); ok && len(d.Rhs) == 1 {
				if ft, ok := typeOf(s, call.Fun, depth+1).(*ast.FuncType); ok {
					return resultType(ft, i, len(d.Lhs))
				}
			}
		}
	}
	return nil
}

// methodType returns the type of the method value fun (v.M) when v's type
// is a named type, generic or not, or a pointer to one, whose method the
// session knows (Session.TypeOf("T.M")), with the receiver's type
// parameters replaced by v's type arguments.
func methodType(s Session, fun ast.Expr, depth int) *ast.FuncType {
	sel, ok := fun.(*ast.SelectorExpr)
	if !ok {
		return nil
	}
	if pkg, ok := sel.X.(*ast.Ident); ok && pkg.Obj == nil && !s.Declared(pkg.Name) {
		return nil // a package's member
	}
	t := typeOf(s, sel.X, depth+1)
	if st, ok := t.(*ast.StarExpr); ok {
		t = st.X
	}
	base, args := typeArgs(t)
	name, ok := base.(*ast.Ident)
	if !ok {
		return nil
	}
	fd := sessionDecl(s, name.Name+"."+sel.Sel.Name)
	if fd == nil || fd.Recv == nil || len(fd.Recv.List) != 1 {
		if len(args) == 0 {
			return interfaceMethod(s, name, sel.Sel.Name)
		}
		return nil
	}
	rt := fd.Recv.List[0].Type
	if st, ok := rt.(*ast.StarExpr); ok {
		rt = st.X
	}
	_, params := typeArgs(rt)
	if len(params) != len(args) {
		return nil
	}
	m := map[string]ast.Expr{}
	for i, p := range params {
		id, ok := p.(*ast.Ident)
		if !ok {
			return nil
		}
		m[id.Name] = args[i]
	}
	ft, _ := subst(fd.Type, m).(*ast.FuncType)
	return ft
}

// instanceType returns the type of fun, an explicit instance (F[int]) of a
// generic function of the unit or the session.
func instanceType(s Session, fun ast.Expr) *ast.FuncType {
	base, args := typeArgs(fun)
	id, ok := base.(*ast.Ident)
	if !ok || len(args) == 0 {
		return nil
	}
	var fd *ast.FuncDecl
	if id.Obj != nil {
		fd, _ = id.Obj.Decl.(*ast.FuncDecl)
	} else {
		fd = sessionDecl(s, id.Name)
	}
	if fd == nil || fd.Recv != nil || fd.Type.TypeParams == nil {
		return nil
	}
	m := map[string]ast.Expr{}
	for _, f := range fd.Type.TypeParams.List {
		for _, n := range f.Names {
			if len(m) == len(args) {
				return nil // inferred type arguments
			}
			m[n.Name] = args[len(m)]
		}
	}
	if len(m) != len(args) {
		return nil
	}
	ft, _ := subst(&ast.FuncType{Params: fd.Type.Params, Results: fd.Type.Results}, m).(*ast.FuncType)
	return ft
}

// fieldType returns the type of field name of t, a struct type or a
// pointer to a struct type the unit or the session declares.
func fieldType(s Session, t ast.Expr, name string) ast.Expr {
	if st, ok := t.(*ast.StarExpr); ok {
		t = st.X
	}
	if id, ok := t.(*ast.Ident); ok {
		t = declaredType(s, id)
	}
	if st, ok := t.(*ast.StructType); ok {
		return member(st.Fields, name)
	}
	return nil
}

// interfaceMethod returns the type of method m of the interface type the
// unit or the session declares as name.
func interfaceMethod(s Session, name *ast.Ident, m string) *ast.FuncType {
	if it, ok := declaredType(s, name).(*ast.InterfaceType); ok {
		ft, _ := member(it.Methods, m).(*ast.FuncType)
		return ft
	}
	return nil
}

// declaredType returns the type the non-generic type name is declared
// with, in the unit or the session.
func declaredType(s Session, name *ast.Ident) ast.Expr {
	if name.Obj == nil {
		return sessionTypeDecl(s, name.Name)
	}
	if ts, ok := name.Obj.Decl.(*ast.TypeSpec); ok && ts.TypeParams == nil {
		return ts.Type
	}
	return nil
}

// member returns the type of the field or method name of a list.
func member(fl *ast.FieldList, name string) ast.Expr {
	for _, f := range fl.List {
		for _, n := range f.Names {
			if n.Name == name {
				return f.Type
			}
		}
	}
	return nil
}

// typeArgs splits T[A, B] into T and its arguments.
func typeArgs(t ast.Expr) (ast.Expr, []ast.Expr) {
	switch x := t.(type) {
	case *ast.IndexExpr:
		return x.X, []ast.Expr{x.Index}
	case *ast.IndexListExpr:
		return x.X, x.Indices
	}
	return t, nil
}

// subst returns the type expression x with the identifiers of m replaced,
// or nil when x has a form it does not know.
func subst(x ast.Expr, m map[string]ast.Expr) ast.Expr {
	if len(m) == 0 || x == nil {
		return x
	}
	list := func(xs []ast.Expr) ([]ast.Expr, bool) {
		out := make([]ast.Expr, len(xs))
		for i, e := range xs {
			if out[i] = subst(e, m); out[i] == nil {
				return nil, false
			}
		}
		return out, true
	}
	fields := func(fl *ast.FieldList) (*ast.FieldList, bool) {
		if fl == nil {
			return nil, true
		}
		out := &ast.FieldList{}
		for _, f := range fl.List {
			t := subst(f.Type, m)
			if t == nil {
				return nil, false
			}
			out.List = append(out.List, &ast.Field{Names: f.Names, Type: t})
		}
		return out, true
	}
	switch x := x.(type) {
	case *ast.Ident:
		if r, ok := m[x.Name]; ok {
			return r
		}
		return x
	case *ast.SelectorExpr:
		return x
	case *ast.StarExpr:
		if t := subst(x.X, m); t != nil {
			return &ast.StarExpr{X: t}
		}
	case *ast.ParenExpr:
		return subst(x.X, m)
	case *ast.ArrayType:
		if t := subst(x.Elt, m); t != nil {
			return &ast.ArrayType{Len: x.Len, Elt: t}
		}
	case *ast.MapType:
		k, v := subst(x.Key, m), subst(x.Value, m)
		if k != nil && v != nil {
			return &ast.MapType{Key: k, Value: v}
		}
	case *ast.ChanType:
		if t := subst(x.Value, m); t != nil {
			return &ast.ChanType{Dir: x.Dir, Value: t}
		}
	case *ast.IndexExpr:
		if t := subst(x.Index, m); t != nil {
			return &ast.IndexExpr{X: x.X, Index: t}
		}
	case *ast.IndexListExpr:
		if ts, ok := list(x.Indices); ok {
			return &ast.IndexListExpr{X: x.X, Indices: ts}
		}
	case *ast.FuncType:
		ps, ok1 := fields(x.Params)
		rs, ok2 := fields(x.Results)
		if ok1 && ok2 {
			return &ast.FuncType{Params: ps, Results: rs}
		}
	}
	return nil
}

// rangeVarType returns the type of variable i (0 the key, 1 the value) of
// a range over x.
func rangeVarType(s Session, x ast.Expr, i, depth int) ast.Expr {
	t := typeOf(s, x, depth)
	if t == nil {
		return nil
	}
	switch tt := t.(type) {
	case *ast.ArrayType:
		if i == 0 {
			return ast.NewIdent("int")
		}
		return tt.Elt
	case *ast.MapType:
		if i == 0 {
			return tt.Key
		}
		return tt.Value
	}
	if params, ok := yieldParams(t, depth); ok && i < len(params) {
		x, err := parser.ParseExpr(params[i])
		if err == nil {
			return x
		}
	}
	return nil
}

// resultType returns the type of result i of a function type with n
// results.
func resultType(ft *ast.FuncType, i, n int) ast.Expr {
	if ft.Results == nil {
		return nil
	}
	var types []ast.Expr
	for _, f := range ft.Results.List {
		for range max(1, len(f.Names)) {
			types = append(types, f.Type)
		}
	}
	if len(types) != n {
		return nil
	}
	return types[i]
}

// sessionType parses the session's answer for name (a function, variable,
// or package member); a generic function or a method has no type here.
func sessionType(s Session, name string) ast.Expr {
	if fd := sessionDecl(s, name); fd != nil {
		if fd.Recv != nil || fd.Type.TypeParams != nil {
			return nil
		}
		return fd.Type
	}
	t := s.TypeOf(name)
	if t == "" {
		return nil
	}
	x, err := parser.ParseExpr(t)
	if err != nil {
		return nil
	}
	return x
}

// sessionDecl parses the session's answer for a function or method name,
// a declaration's first line.
func sessionDecl(s Session, name string) *ast.FuncDecl {
	fd, _ := parseDecl(s.TypeOf(name), "func ").(*ast.FuncDecl)
	return fd
}

// sessionTypeDecl returns the type a session type name is declared with.
func sessionTypeDecl(s Session, name string) ast.Expr {
	if g, ok := parseDecl(s.TypeOf(name), "type ").(*ast.GenDecl); ok && len(g.Specs) == 1 {
		if ts, ok := g.Specs[0].(*ast.TypeSpec); ok && ts.TypeParams == nil {
			return ts.Type
		}
	}
	return nil
}

// parseDecl parses src, one declaration starting with keyword, or returns
// nil.
func parseDecl(src, keyword string) ast.Decl {
	if !strings.HasPrefix(src, keyword) {
		return nil
	}
	f, err := parser.ParseFile(token.NewFileSet(), "", "package p; "+src, 0)
	if err != nil || len(f.Decls) != 1 {
		return nil
	}
	return f.Decls[0]
}

// isIterTypeExpr reports whether x spells iter.Seq[…] or iter.Seq2[…].
func isIterTypeExpr(x ast.Expr) bool {
	_, ok := iterTypeArgs(x)
	return ok
}

// iterTypeArgs returns the type arguments of iter.Seq[V] or
// iter.Seq2[K, V].
func iterTypeArgs(x ast.Expr) ([]ast.Expr, bool) {
	var fun ast.Expr
	var args []ast.Expr
	switch x := x.(type) {
	case *ast.IndexExpr:
		fun, args = x.X, []ast.Expr{x.Index}
	case *ast.IndexListExpr:
		fun, args = x.X, x.Indices
	default:
		return nil, false
	}
	sel, ok := fun.(*ast.SelectorExpr)
	if !ok {
		return nil, false
	}
	pkg, ok := sel.X.(*ast.Ident)
	if !ok || pkg.Name != "iter" {
		return nil, false
	}
	if sel.Sel.Name == "Seq" && len(args) == 1 || sel.Sel.Name == "Seq2" && len(args) == 2 {
		return args, true
	}
	return nil, false
}

// yieldParams returns the yield parameter types of the iterator type t.
func yieldParams(t ast.Expr, depth int) ([]string, bool) {
	if depth > maxDepth {
		return nil, false
	}
	if args, ok := iterTypeArgs(t); ok {
		return exprStrings(args), true
	}
	switch t := t.(type) {
	case *ast.ParenExpr:
		return yieldParams(t.X, depth+1)
	case *ast.Ident:
		if t.Obj != nil {
			if ts, ok := t.Obj.Decl.(*ast.TypeSpec); ok && ts.TypeParams == nil {
				return yieldParams(ts.Type, depth+1)
			}
		}
	case *ast.FuncType:
		if t.Results != nil && len(t.Results.List) > 0 || t.Params == nil || len(t.Params.List) != 1 || len(t.Params.List[0].Names) > 1 {
			return nil, false
		}
		yield, ok := t.Params.List[0].Type.(*ast.FuncType)
		if !ok || yield.Results == nil || len(yield.Results.List) != 1 || len(yield.Results.List[0].Names) > 1 {
			return nil, false
		}
		if b, ok := yield.Results.List[0].Type.(*ast.Ident); !ok || b.Name != "bool" {
			return nil, false
		}
		var params []ast.Expr
		for _, f := range yield.Params.List {
			if _, variadic := f.Type.(*ast.Ellipsis); variadic {
				return nil, false
			}
			for range max(1, len(f.Names)) {
				params = append(params, f.Type)
			}
		}
		if len(params) > 2 {
			return nil, false
		}
		return exprStrings(params), true
	}
	return nil, false
}

func exprStrings(xs []ast.Expr) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = types.ExprString(x)
	}
	return out
}

// stdIterCall returns the iterator type of a call of a standard library
// function returning an iterator, built from its arguments' types.
func stdIterCall(s Session, call *ast.CallExpr, depth int) ast.Expr {
	sel, ok := call.Fun.(*ast.SelectorExpr)
	if !ok || len(call.Args) == 0 {
		return nil
	}
	pkg, ok := sel.X.(*ast.Ident)
	if !ok || pkg.Obj != nil || s.Declared(pkg.Name) {
		return nil
	}
	seq := func(args ...ast.Expr) ast.Expr {
		for _, a := range args {
			if a == nil {
				return nil
			}
		}
		name := "Seq"
		if len(args) == 2 {
			name = "Seq2"
		}
		fun := &ast.SelectorExpr{X: ast.NewIdent("iter"), Sel: ast.NewIdent(name)}
		if len(args) == 1 {
			return &ast.IndexExpr{X: fun, Index: args[0]}
		}
		return &ast.IndexListExpr{X: fun, Indices: args}
	}
	switch pkg.Name + "." + sel.Sel.Name {
	case "strings.SplitSeq", "strings.SplitAfterSeq", "strings.FieldsSeq", "strings.FieldsFuncSeq", "strings.Lines":
		return seq(ast.NewIdent("string"))
	case "bytes.SplitSeq", "bytes.SplitAfterSeq", "bytes.FieldsSeq", "bytes.FieldsFuncSeq", "bytes.Lines":
		return seq(&ast.ArrayType{Elt: ast.NewIdent("byte")})
	}
	arg := typeOf(s, call.Args[0], depth+1)
	switch pkg.Name + "." + sel.Sel.Name {
	case "slices.All", "slices.Backward":
		return seq(ast.NewIdent("int"), elemType(arg))
	case "slices.Values":
		return seq(elemType(arg))
	case "slices.Chunk":
		return seq(arg)
	case "maps.All":
		k, v := mapTypes(arg)
		return seq(k, v)
	case "maps.Keys":
		k, _ := mapTypes(arg)
		return seq(k)
	case "maps.Values":
		_, v := mapTypes(arg)
		return seq(v)
	}
	return nil
}

// elemType returns the element type of a slice or array type.
func elemType(t ast.Expr) ast.Expr {
	if a, ok := t.(*ast.ArrayType); ok {
		return a.Elt
	}
	return nil
}

// mapTypes returns the key and value types of a map type.
func mapTypes(t ast.Expr) (k, v ast.Expr) {
	if m, ok := t.(*ast.MapType); ok {
		return m.Key, m.Value
	}
	return nil, nil
}
