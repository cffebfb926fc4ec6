package rewrite

import (
	"fmt"
	"go/ast"
	"go/types"
	"strings"
)

// A method value x.M copies its receiver when it is evaluated, if M has a
// value receiver; yaegi v0.16.1 reads x only when the method value is
// called, so `get := b.Get; b.v = 100; get()` sees 100. A method
// expression T.M or (*T).M panics inside yaegi (reflect.Set: value of type
// func() int is not assignable…). When the unit shows x's type (x := T{…},
// var x T, a parameter x T; see varTypes) and the unit or an earlier cell
// declares the method, both become function literals:
//
//	b.Get      →  func(__nnr Box) func() int { return __nnr.Get }(b)
//	p.Get      →  func(__nnr Box) func() int { return __nnr.Get }(*p)      (p *Box)
//	P.Sum      →  func(__nnr P) int { return __nnr.Sum() }
//	(*P).Scale →  func(__nnr (*P), __nna0 int) { __nnr.Scale(__nna0) }
//
// The receiver is a parameter of a literal called at once, so each method
// value keeps its own copy. When the source does not show the receiver's
// type (current().Get, s.inner.Get, a promoted method, a method of an
// interface value), go/types gives it, the unit typed with the session's
// declarations it uses (typedMethodValueEdits, sessiontypes.go). A call x.M() is left alone (yaegi evaluates the
// receiver at the call), except in a defer statement, which the deferbind
// pass turns into a method value, and in a go statement, which the gostmt
// pass does.

func methodValueEdits(s Session, u *Unit) []Edit {
	var sels []*ast.SelectorExpr                    // the selectors of the unit's text
	called := map[*ast.SelectorExpr]*ast.CallExpr{} // x.M(…)
	defers := false
	goCalls := map[*ast.CallExpr]bool{}
	ast.Inspect(u.File, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.SelectorExpr:
			if u.Off(n.Pos()) >= 0 {
				sels = append(sels, n)
			}
		case *ast.CallExpr:
			if sel, ok := n.Fun.(*ast.SelectorExpr); ok {
				called[sel] = n
			}
		case *ast.DeferStmt:
			defers = true
		case *ast.GoStmt:
			// gostmt passes the function value to __rt.Go, which calls it
			// on the new goroutine: a method value there is one.
			if c := n.Call; !c.Ellipsis.IsValid() && !IsBuiltin(c.Fun) {
				goCalls[c] = true
			}
		}
		return true
	})
	if len(sels) == 0 {
		return nil
	}
	deferred := map[*ast.CallExpr]bool{} // defer statements deferbind binds
	if defers {
		for _, body := range funcBodies(u) {
			walkDefers(s, u, body, func(ds *ast.DeferStmt, _, queued bool) {
				if !queued {
					deferred[ds.Call] = true
				}
			})
		}
		for _, ds := range topDefers(u) {
			deferred[ds.Call] = true
		}
	}
	var vars map[string]typeRef // read when first needed
	varsOf := func() map[string]typeRef {
		if vars == nil {
			vars = varTypes(u.File)
		}
		return vars
	}
	var edits []Edit
	var typed []*ast.SelectorExpr // method values whose receiver only go/types can type
	var unitMeths map[string]bool
	for _, sel := range sels {
		if t, fd, ok := methodExpr(s, u, varsOf, sel); ok {
			edits = append(edits, methodExprEdits(u, sel, t, fd)...)
			continue
		}
		if c, ok := called[sel]; ok && !deferred[c] && !goCalls[c] {
			continue
		}
		if t, fd, ok := valueMethod(s, u, varsOf(), sel); ok {
			star := ""
			if t.ptr {
				star = "*"
			}
			x := sel.X
			edits = append(edits,
				Edit{u.Off(x.Pos()), u.Off(x.Pos()), fmt.Sprintf("func(%s %s) %s { return %s.%s }(%s", recvName, t.name, signature(fd), recvName, sel.Sel.Name, star)},
				Edit{u.Off(x.End()), u.Off(sel.End()), ")"})
			continue
		}
		if id, ok := sel.X.(*ast.Ident); ok {
			if _, local := varsOf()[id.Name]; !local && !s.Declared(id.Name) && u.File.Scope.Lookup(id.Name) == nil {
				continue // a package's member
			}
		}
		if unitMeths == nil {
			unitMeths = unitMethods(u.File)
		}
		if unitMeths[sel.Sel.Name] || s.HasMethod(sel.Sel.Name) {
			typed = append(typed, sel)
		}
	}
	if len(typed) > 0 {
		edits = append(edits, typedMethodValueEdits(s, u, typed)...)
	}
	return edits
}

// methodExpr recognizes T.M and (*T).M for a method M the unit or the
// session declares (T.M only when M has a value receiver, as in Go), T not
// being a variable of the unit.
func methodExpr(s Session, u *Unit, vars func() map[string]typeRef, sel *ast.SelectorExpr) (typeRef, *ast.FuncDecl, bool) {
	x := sel.X
	ptr := false
	if p, ok := x.(*ast.ParenExpr); ok {
		if st, ok := p.X.(*ast.StarExpr); ok {
			x, ptr = st.X, true
		}
	}
	id, ok := x.(*ast.Ident)
	if !ok {
		return typeRef{}, nil, false
	}
	fd := methodDecl(s, u, id.Name, sel.Sel.Name)
	if fd == nil || !ptr && ptrReceiver(fd) {
		return typeRef{}, nil, false
	}
	if _, isVar := vars()[id.Name]; isVar {
		return typeRef{}, nil, false
	}
	return typeRef{id.Name, ptr}, fd, true
}

// methodExprEdits turns T.M into a function literal taking the receiver
// first; T (or (*T)) stays where it is written.
func methodExprEdits(u *Unit, sel *ast.SelectorExpr, t typeRef, fd *ast.FuncDecl) []Edit {
	params, variadic := fieldTypes(fd.Type.Params)
	var decl, args []string
	for i, p := range params {
		name := fmt.Sprintf("__nna%d", i)
		decl = append(decl, ", "+name+" "+p)
		if variadic && i == len(params)-1 {
			name += "..."
		}
		args = append(args, name)
	}
	call := fmt.Sprintf("%s.%s(%s)", recvName, sel.Sel.Name, strings.Join(args, ", "))
	if fd.Type.Results != nil && len(fd.Type.Results.List) > 0 {
		call = "return " + call
	}
	return []Edit{
		{u.Off(sel.X.Pos()), u.Off(sel.X.Pos()), "func(" + recvName + " "},
		{u.Off(sel.X.End()), u.Off(sel.End()), strings.Join(decl, "") + ")" + results(fd) + " { " + call + " }"},
	}
}

// typedMethodValueEdits binds the method values among sels whose receiver
// the source does not show plainly (g().Get, s.inner.Get, a promoted
// h.Get, a method value of an interface): go/types, with the session's
// declarations (checkWithSession), gives the receiver's type and, for a
// promoted method, the embedded fields that lead to it, which the literal
// then reads at once:
//
//	current().Get  →  func(__nnr Counter) func() int { return __nnr.Get }(current())
//	h.Get          →  func(__nnr Counter) func() int { return __nnr.Get }(h.Counter)
//	hp.Get         →  func(__nnr Counter) func() int { return __nnr.Get }(*hp.Counter)   (embedded *Counter)
//	sh.Area        →  func(__nnr Shape) func() float64 { return __nnr.Area }(sh)          (Shape an interface)
//
// Only methods with a value receiver of a type the cells declare are
// bound (a pointer receiver's address is the same late or early).
func typedMethodValueEdits(s Session, u *Unit, sels []*ast.SelectorExpr) []Edit {
	info, pkg := checkWithSession(s, u)
	var edits []Edit
	for _, sel := range sels {
		selection := info.Selections[sel]
		if selection == nil || selection.Kind() != types.MethodVal {
			continue
		}
		fn, ok := selection.Obj().(*types.Func)
		if !ok || fn.Pkg() != pkg {
			continue
		}
		recv := fn.Type().(*types.Signature).Recv()
		if recv == nil {
			continue
		}
		named, ok := types.Unalias(recv.Type()).(*types.Named)
		if !ok || named.Obj().Pkg() != pkg || named.TypeParams() != nil {
			continue
		}
		var sig string
		if types.IsInterface(named) {
			sig = types.TypeString(fn.Type(), types.RelativeTo(pkg))
			if strings.Contains(sig, "invalid type") {
				continue
			}
		} else {
			fd := methodDecl(s, u, named.Obj().Name(), sel.Sel.Name)
			if fd == nil {
				continue
			}
			sig = signature(fd)
		}
		path, ptr, ok := embeddedPath(info.TypeOf(sel.X), selection.Index())
		if !ok {
			continue
		}
		star := ""
		if ptr && !types.IsInterface(named) {
			star = "*"
		}
		x := sel.X
		edits = append(edits,
			Edit{u.Off(x.Pos()), u.Off(x.Pos()), fmt.Sprintf("func(%s %s) %s { return %s.%s }(%s", recvName, named.Obj().Name(), sig, recvName, sel.Sel.Name, star)},
			Edit{u.Off(x.End()), u.Off(sel.End()), path + ")"})
	}
	return edits
}

// unitMethods names the methods f declares, on types and in interfaces.
func unitMethods(f *ast.File) map[string]bool {
	names := map[string]bool{}
	ast.Inspect(f, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncDecl:
			if n.Recv != nil {
				names[n.Name.Name] = true
			}
		case *ast.InterfaceType:
			for _, m := range n.Methods.List {
				for _, id := range m.Names {
					names[id.Name] = true
				}
			}
		}
		return true
	})
	return names
}

// embeddedPath follows the embedded fields of index (a selection's path,
// its last entry the method) from a value of type t: the selectors that
// reach the value whose method it is (".Counter"), and whether that value
// is reached through a pointer (then the receiver is its target).
func embeddedPath(t types.Type, index []int) (path string, ptr bool, ok bool) {
	if t == nil {
		return "", false, false
	}
	deref := func(t types.Type) (types.Type, bool) {
		if p, isPtr := t.Underlying().(*types.Pointer); isPtr {
			return p.Elem(), true
		}
		return t, false
	}
	t, ptr = deref(t)
	for _, i := range index[:len(index)-1] {
		st, isStruct := t.Underlying().(*types.Struct)
		if !isStruct || i >= st.NumFields() {
			return "", false, false
		}
		f := st.Field(i)
		path += "." + f.Name()
		t, ptr = deref(f.Type())
	}
	return path, ptr, true
}
