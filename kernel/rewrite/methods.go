package rewrite

import (
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"strings"
)

// What the deferbind and methodvalue passes need to know about methods: the
// type of a variable, as far as its declarations in the unit say, and the
// declaration of a method of a type the unit or an earlier cell declared.

// recvName is the parameter that holds the copy of the receiver a method
// value keeps, and the receiver of a method expression.
const recvName = "__nnr"

// varTypes returns, for each name the unit declares as a variable, the name
// of its type and whether it is a pointer to it, when every declaration of
// the name says so plainly (x := T{…}, x := &T{…}, new(T), var x T, a
// parameter x T or x *T, the value of a range over a []T, [n]T or
// map[K]T so declared). Names declared in other ways, or with different
// types, map to typeRef{}.
func varTypes(f *ast.File) map[string]typeRef {
	return declTypes(f, namedType, valueType, declTypes(f, elemNamedType, elemValueType, nil))
}

// declTypes reads the declarations of f with typ (a declared type) and val
// (a value's type); a range's value variable gets the elements' type from
// elems (nil: it is unknown).
func declTypes(f *ast.File, typ, val func(ast.Expr) (typeRef, bool), elems map[string]typeRef) map[string]typeRef {
	known := map[string]typeRef{}
	poisoned := map[string]bool{}
	add := func(id *ast.Ident, t typeRef, ok bool) {
		if id == nil || id.Name == "_" || poisoned[id.Name] {
			return
		}
		if old, seen := known[id.Name]; !ok || seen && old != t {
			known[id.Name] = typeRef{}
			poisoned[id.Name] = true
			return
		}
		known[id.Name] = t
	}
	ast.Inspect(f, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.StructType, *ast.InterfaceType:
			return false // fields and methods, not variables
		case *ast.AssignStmt:
			if n.Tok != token.DEFINE {
				return true
			}
			for i, l := range n.Lhs {
				id, _ := l.(*ast.Ident)
				if len(n.Lhs) != len(n.Rhs) {
					add(id, typeRef{}, false)
					continue
				}
				t, ok := val(n.Rhs[i])
				add(id, t, ok)
			}
		case *ast.ValueSpec:
			for i, id := range n.Names {
				switch {
				case n.Type != nil:
					t, ok := typ(n.Type)
					add(id, t, ok)
				case len(n.Values) == len(n.Names):
					t, ok := val(n.Values[i])
					add(id, t, ok)
				default:
					add(id, typeRef{}, false)
				}
			}
		case *ast.Field:
			t, ok := typ(n.Type)
			for _, id := range n.Names {
				add(id, t, ok)
			}
		case *ast.RangeStmt:
			if n.Tok == token.DEFINE {
				key, _ := n.Key.(*ast.Ident)
				add(key, typeRef{}, false)
				value, _ := n.Value.(*ast.Ident)
				t, ok := rangeElem(n.X, elems)
				add(value, t, ok)
			}
		case *ast.TypeSwitchStmt:
			if as, ok := n.Assign.(*ast.AssignStmt); ok && len(as.Lhs) == 1 {
				id, _ := as.Lhs[0].(*ast.Ident)
				add(id, typeRef{}, false)
			}
		}
		return true
	})
	return known
}

// rangeElem returns the type of the values a range over x gives.
func rangeElem(x ast.Expr, elems map[string]typeRef) (typeRef, bool) {
	if elems == nil {
		return typeRef{}, false
	}
	if id, ok := x.(*ast.Ident); ok {
		t, ok := elems[id.Name]
		return t, ok && t.name != ""
	}
	return elemValueType(x)
}

// elemNamedType reads the element type of []T, [n]T, map[K]T and ...T.
func elemNamedType(x ast.Expr) (typeRef, bool) {
	switch x := x.(type) {
	case *ast.ArrayType:
		return namedType(x.Elt)
	case *ast.MapType:
		return namedType(x.Value)
	case *ast.Ellipsis:
		return namedType(x.Elt)
	}
	return typeRef{}, false
}

// elemValueType reads the element type of []T{…}, [n]T{…} and map[K]T{…}.
func elemValueType(x ast.Expr) (typeRef, bool) {
	if c, ok := x.(*ast.CompositeLit); ok && c.Type != nil {
		return elemNamedType(c.Type)
	}
	return typeRef{}, false
}

// typeRef is a named type or a pointer to one.
type typeRef struct {
	name string
	ptr  bool
}

// namedType reads T or *T.
func namedType(x ast.Expr) (typeRef, bool) {
	ptr := false
	if s, ok := x.(*ast.StarExpr); ok {
		x, ptr = s.X, true
	}
	if id, ok := x.(*ast.Ident); ok {
		return typeRef{id.Name, ptr}, true
	}
	return typeRef{}, false
}

// valueType reads the type of T{…}, &T{…} and new(T).
func valueType(x ast.Expr) (typeRef, bool) {
	switch x := x.(type) {
	case *ast.CompositeLit:
		if id, ok := x.Type.(*ast.Ident); ok {
			return typeRef{id.Name, false}, true
		}
	case *ast.UnaryExpr:
		if x.Op == token.AND {
			if t, ok := valueType(x.X); ok && !t.ptr {
				return typeRef{t.name, true}, true
			}
		}
	case *ast.CallExpr:
		if id, ok := x.Fun.(*ast.Ident); ok && id.Name == "new" && len(x.Args) == 1 {
			if t, ok := x.Args[0].(*ast.Ident); ok {
				return typeRef{t.Name, true}, true
			}
		}
	}
	return typeRef{}, false
}

// methodDecl returns the declaration of method name of type typ: from the
// unit, else from the session's cells; nil when neither declares it or the
// type is generic.
func methodDecl(s Session, u *Unit, typ, name string) *ast.FuncDecl {
	find := func(f *ast.File) *ast.FuncDecl {
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Recv == nil || len(fd.Recv.List) != 1 || fd.Name.Name != name {
				continue
			}
			if t, ok := namedType(fd.Recv.List[0].Type); ok && t.name == typ {
				return fd
			}
		}
		return nil
	}
	if fd := find(u.File); fd != nil {
		return fd
	}
	src := s.MethodDecl(typ, name)
	if src == "" {
		return nil
	}
	f, err := parser.ParseFile(token.NewFileSet(), "", "package p;"+src, 0)
	if err != nil {
		return nil
	}
	return find(f)
}

// ptrReceiver reports whether the method has a pointer receiver.
func ptrReceiver(fd *ast.FuncDecl) bool {
	t, _ := namedType(fd.Recv.List[0].Type)
	return t.ptr
}

// valueMethod returns the type of x and the declaration of its method
// x.Sel when x is a variable of a named type T (or *T) whose method Sel has
// a value receiver: the method value then copies the receiver when it is
// evaluated, which yaegi does only when it is called.
func valueMethod(s Session, u *Unit, vars map[string]typeRef, sel *ast.SelectorExpr) (typeRef, *ast.FuncDecl, bool) {
	id, ok := sel.X.(*ast.Ident)
	if !ok {
		return typeRef{}, nil, false
	}
	t, ok := vars[id.Name]
	if !ok {
		vt := s.VarTypeName(id.Name) // a variable of an earlier cell
		t = typeRef{strings.TrimPrefix(vt, "*"), strings.HasPrefix(vt, "*")}
	}
	if t.name == "" {
		return typeRef{}, nil, false
	}
	fd := methodDecl(s, u, t.name, sel.Sel.Name)
	if fd == nil || ptrReceiver(fd) {
		return typeRef{}, nil, false
	}
	return t, fd, true
}

// signature writes the parameters and results of a method as a function
// type, "func(int, string) (int, error)".
func signature(fd *ast.FuncDecl) string {
	params, _ := fieldTypes(fd.Type.Params)
	return "func(" + strings.Join(params, ", ") + ")" + results(fd)
}

// results writes the results of a method after a parameter list: "",
// " int" or " (int, error)".
func results(fd *ast.FuncDecl) string {
	res, _ := fieldTypes(fd.Type.Results)
	switch len(res) {
	case 0:
		return ""
	case 1:
		return " " + res[0]
	}
	return " (" + strings.Join(res, ", ") + ")"
}

// fieldTypes lists the type of each parameter of a field list, once per
// name; variadic reports whether the last is variadic.
func fieldTypes(fl *ast.FieldList) (out []string, variadic bool) {
	if fl == nil {
		return nil, false
	}
	for _, f := range fl.List {
		n := len(f.Names)
		if n == 0 {
			n = 1
		}
		_, variadic = f.Type.(*ast.Ellipsis)
		for range n {
			out = append(out, types.ExprString(f.Type))
		}
	}
	return out, variadic
}
