package kernel

import (
	"fmt"
	"github.com/nnbook/nnbook/kernel/internal/cellerr"
	"go/ast"
	"go/parser"
	"go/token"
	"reflect"
	"sort"
	"strings"
	"sync"
)

// The session's registry of the types its cells declared (see celltype.go).
//
// When a declaration chunk declares a type or methods, the engine appends a
// registration to it (registration, called from types.go):
//
//	var _ = __rt.CellType([]__nnany{__nnany(*new(Rect_nnv1))},
//		"String", func(v Rect_nnv1) string { return v.String() },
//		"*Error", func(v *Rect_nnv1) string { return v.Error() })
//
// giving the type (through the node of *new(…)), its run-time type, and
// the methods fmt and errors call as closures compiled code can call ("*"
// marks a pointer receiver).

// cellTypes is a session's registry.
type cellTypes struct {
	mu     sync.Mutex
	byName map[string]*regType // internal name (Rect_nnv1) → type
	cache  *sync.Map           // *itype address, or "pkg.Name" → itypeEntry (celltype.go)

	scanned int // global-frame slots looked at by dropFmtTemporaries
}

// regType is one registered type.
type regType struct {
	typ     *cellType
	rtype   reflect.Type
	methods map[string]reflect.Value // name → func(T…); "*name" → func(*T…)
	order   int
}

// reset forgets every type (a new session).
func (r *cellTypes) reset() {
	r.mu.Lock()
	r.byName, r.cache, r.scanned = nil, nil, 0
	r.mu.Unlock()
}

// register records a type and its methods (the runtime's CellType).
func (r *cellTypes) register(e *Engine, zero []reflect.Value, methods []interface{}) {
	if len(zero) != 1 {
		return
	}
	v, t := e.cellValue(zero[0])
	if t == nil || t.internal == "" || !v.IsValid() {
		return
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.byName == nil {
		r.byName = map[string]*regType{}
	}
	rt := r.byName[t.internal]
	if rt == nil {
		rt = &regType{typ: t, rtype: v.Type(), methods: map[string]reflect.Value{}, order: len(r.byName)}
		r.byName[t.internal] = rt
	}
	for i := 0; i+1 < len(methods); i += 2 {
		name, ok := methods[i].(string)
		if fn := reflect.ValueOf(methods[i+1]); ok && fn.Kind() == reflect.Func {
			rt.methods[name] = fn
		}
	}
}

// lookup returns the registered type of a cell type.
func (r *cellTypes) lookup(t *cellType) *regType {
	if t == nil || t.internal == "" {
		return nil
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.byName[t.internal]
}

// dynamicType returns the cell type of the value held by a yaegi wrapper w
// (see isYaegiWrapper): the one registered type with w's methods whose
// values yaegi would have put in w as the value w holds, or a pointer to
// one; nil when none or several (differently named) types fit. exact
// reports whether the held value is the whole value: for a struct type
// without compiled methods yaegi holds only its last field
// (interp.getConcreteValue), and the wrapper's own methods must be used.
// held is the value w holds (whole when exact).
func (r *cellTypes) dynamicType(w reflect.Value) (t *cellType, held reflect.Value, exact bool) {
	held = w.Field(0)
	if err, ok := w.Interface().(error); ok {
		// cellerr's wrappers give a struct value whole
		held = reflect.ValueOf(cellerr.Value(err))
	}
	if held.Kind() == reflect.Interface {
		held = held.Elem()
	}
	if !held.IsValid() {
		return nil, held, false
	}
	var want []string
	for i := 1; i < w.NumField(); i++ {
		if name := strings.TrimPrefix(w.Type().Field(i).Name, "W"); fmtMethods[name] != "" {
			want = append(want, name)
		}
	}
	ht := held.Type()
	if ht.Kind() == reflect.Pointer {
		if found := r.candidate(want, true, func(rt reflect.Type) bool { return rt == ht.Elem() }); found != nil {
			return &cellType{kind: kindPointer, elem: found.typ}, held, true
		}
	}
	if found := r.candidate(want, false, func(rt reflect.Type) bool { return rt == ht }); found != nil {
		return found.typ, held, true
	}
	found := r.candidate(want, false, func(rt reflect.Type) bool {
		return rt.Kind() == reflect.Struct && rt.NumField() > 0 && rt.Field(rt.NumField()-1).Type == ht
	})
	if found == nil {
		return nil, held, false
	}
	return found.typ, held, false
}

// candidate returns the latest registered type whose run-time type fits
// and which has the methods want (on a pointer receiver too when ptr), or
// nil when there is none or types of different names fit.
func (r *cellTypes) candidate(want []string, ptr bool, fits func(reflect.Type) bool) *regType {
	r.mu.Lock()
	defer r.mu.Unlock()
	var found *regType
	for _, c := range r.byName {
		if !fits(c.rtype) {
			continue
		}
		ok := true
		for _, m := range want {
			if !c.methods[m].IsValid() && !(ptr && c.methods["*"+m].IsValid()) {
				ok = false
			}
		}
		if !ok {
			continue
		}
		if found != nil && found.typ.name != c.typ.name {
			return nil // ambiguous
		}
		if found == nil || c.order > found.order {
			found = c
		}
	}
	return found
}

// method returns the method name of a value v of cell type t, with its
// receiver bound: a method of t's registered type (pointer-receiver
// methods only for a pointer), or one promoted from an embedded field.
// ok is false when v's type has no such method.
func (r *cellTypes) method(v reflect.Value, t *cellType, name string) (call func(args ...reflect.Value) []reflect.Value, ok bool) {
	return r.findMethod(v, t, name, 0)
}

func (r *cellTypes) findMethod(v reflect.Value, t *cellType, name string, depth int) (func(args ...reflect.Value) []reflect.Value, bool) {
	if t == nil || depth > 8 {
		return nil, false
	}
	bind := func(fn, recv reflect.Value) func(args ...reflect.Value) []reflect.Value {
		return func(args ...reflect.Value) []reflect.Value {
			return fn.Call(append([]reflect.Value{recv}, args...))
		}
	}
	isPtr := t.kind == kindPointer
	base := t
	if isPtr {
		base = t.elem
	}
	if rt := r.lookup(base); rt != nil {
		if fn := rt.methods[name]; fn.IsValid() {
			if !isPtr {
				return bind(fn, v), true
			}
			return func(args ...reflect.Value) []reflect.Value {
				if v.IsNil() {
					panic(nilReceiver{})
				}
				return fn.Call(append([]reflect.Value{v.Elem()}, args...))
			}, true
		}
		if fn := rt.methods["*"+name]; fn.IsValid() && isPtr {
			return bind(fn, v), true
		}
	}
	// promoted from an embedded field
	if base == nil || base.kind != kindStruct {
		return nil, false
	}
	sv := v
	if isPtr {
		if v.IsNil() {
			return nil, false
		}
		sv = v.Elem()
	}
	if sv.Kind() != reflect.Struct || sv.NumField() != len(base.fields) {
		return nil, false
	}
	for i, f := range base.fields {
		if !f.embed {
			continue
		}
		ft := f.typ
		fv := sv.Field(i)
		if isPtr && ft.kind != kindPointer && fv.CanAddr() {
			// *S has the pointer methods of an embedded E
			if call, ok := r.findMethod(fv.Addr(), &cellType{kind: kindPointer, elem: ft}, name, depth+1); ok {
				return call, true
			}
			continue
		}
		if call, ok := r.findMethod(fv, ft, name, depth+1); ok {
			return call, true
		}
	}
	return nil, false
}

// hasFmtMethods reports whether a value of cell type t has a method fmt
// calls.
func (r *cellTypes) hasFmtMethods(v reflect.Value, t *cellType) bool {
	for m := range fmtMethods {
		if _, ok := r.method(v, t, m); ok {
			return true
		}
	}
	return false
}

// nilReceiver is the panic of a value method called through a nil pointer.
type nilReceiver struct{}

// fmtMethods are the methods a registration hands over, with the
// signature each must have.
var fmtMethods = map[string]string{
	"String":   "func() string",
	"Error":    "func() string",
	"GoString": "func() string",
	"Format":   "func(fmt.State, rune)",
}

// registrations returns the registrations of a declaration chunk's cell
// types (newName: user name → version's name) with their fmt methods: those
// the chunk declares (methods, whose source src gives) and, for a type it
// does not declare, those recorded before.
func (e *Engine) registrations(newName map[string]string, declared map[string]*ast.TypeSpec, methods map[string][]*ast.FuncDecl, src func(*ast.FuncDecl) string) string {
	var names []string
	for t := range newName {
		names = append(names, t)
	}
	sort.Strings(names)
	var b strings.Builder
	for _, t := range names {
		ms := map[string]string{}
		if declared[t] == nil {
			for m, s := range e.methodSrc[t] {
				ms[m] = s
			}
		}
		for _, fd := range methods[t] {
			ms[fd.Name.Name] = src(fd)
		}
		var list []string
		for m, s := range ms {
			if _, ok := fmtMethods[m]; ok {
				list = append(list, s)
			}
		}
		if len(list) > 0 {
			b.WriteString("\n" + registration(newName[t], list))
		}
	}
	return b.String()
}

// registration returns the declaration that registers the cell type
// internal (its version's name) with the methods whose declarations are
// given (as written, receivers named with any version), or "".
func registration(internal string, methodSrc []string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "var _ = %s.CellType([]%s{%s(*new(%s))}", rtName, anyName, anyName, internal)
	sort.Strings(methodSrc)
	for _, src := range methodSrc {
		name, ptr, params, ok := fmtMethod(src)
		if !ok {
			continue
		}
		recv := internal
		key := name
		if ptr {
			recv, key = "*"+internal, "*"+name
		}
		switch name {
		case "Format":
			fmt.Fprintf(&b, ",\n\t%q, func(v %s, %s) { v.Format(%s) }", key, recv, params, "s, c")
		default:
			fmt.Fprintf(&b, ",\n\t%q, func(v %s) string { return v.%s() }", key, recv, name)
		}
	}
	b.WriteString(")")
	return b.String()
}

// fmtMethod reports whether the method declaration src is one of
// fmtMethods with its signature, whether its receiver is a pointer, and
// for Format its parameter list as the closure declares it.
func fmtMethod(src string) (name string, ptr bool, params string, ok bool) {
	f, err := parser.ParseFile(token.NewFileSet(), "", "package p\n"+src, 0)
	if err != nil || len(f.Decls) != 1 {
		return "", false, "", false
	}
	fd, isFunc := f.Decls[0].(*ast.FuncDecl)
	if !isFunc || fd.Recv == nil || len(fd.Recv.List) != 1 || fd.Type.TypeParams != nil {
		return "", false, "", false
	}
	name = fd.Name.Name
	want, known := fmtMethods[name]
	if !known {
		return "", false, "", false
	}
	_, ptr = fd.Recv.List[0].Type.(*ast.StarExpr)
	if signature(fd.Type) != want {
		return "", false, "", false
	}
	if name == "Format" {
		// the fmt package's local name may differ; the closure names the
		// parameter types as the method does
		p := fd.Type.Params.List
		if len(p) == 1 {
			params = "s, c " + exprString(p[0].Type)
		} else {
			params = "s " + exprString(p[0].Type) + ", c " + exprString(p[1].Type)
		}
	}
	return name, ptr, params, true
}

// signature returns a func type's signature with the fmt package named fmt.
func signature(ft *ast.FuncType) string {
	var in, out []string
	for _, l := range ft.Params.List {
		for range max(1, len(l.Names)) {
			in = append(in, exprString(l.Type))
		}
	}
	if ft.Results != nil {
		for _, l := range ft.Results.List {
			for range max(1, len(l.Names)) {
				out = append(out, exprString(l.Type))
			}
		}
	}
	s := "func(" + strings.Join(in, ", ") + ")"
	if len(out) > 0 {
		s += " " + strings.Join(out, ", ")
	}
	return s
}

// exprString prints a type expression of a method signature.
func exprString(x ast.Expr) string {
	switch x := x.(type) {
	case *ast.Ident:
		return x.Name
	case *ast.SelectorExpr:
		return exprString(x.X) + "." + x.Sel.Name
	case *ast.StarExpr:
		return "*" + exprString(x.X)
	}
	return "?"
}
