package rewrite

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"path"
	"reflect"
	"strings"
)

// Index and slice bounds.
//
// yaegi v0.16.1 indexes and slices through package reflect: `a[5]` of a
// slice of length 3 panics with "reflect: slice index out of range", which
// names neither the index nor the length, and the value recovered is a
// string, not a runtime.Error. Go's text is "runtime error: index out of
// range [5] with length 3". An index or slice expression whose operand is
// known, in the unit itself, to be a slice, an array, a pointer to an array
// or a string checks its bounds through the engine's helpers first, which
// panic with Go's own runtime.Error and keep the position for the
// message:
//
//	a[i]          →  a[__rt.Index(i, len(a), 3, 7)]
//	s[lo:hi]      →  s[__rt.Slice(lo, hi, cap(s), 3, 7):hi]
//	str[lo:]      →  str[__rt.SliceLen(lo, len(str), len(str), 3, 7):]
//	s[lo:hi:max]  →  s[__rt.Slice3(lo, hi, max, cap(s), 3, 7):hi:max]
//
// (3, 7: the expression's line and column). The operand, and the bounds the
// check reads a second time, are written twice, so they must be names,
// fields, literals, indexes and operators of names the unit declares
// (pureExpr); an index of a name the unit did not declare (a variable of
// an earlier cell), of a map or of a type parameter stays as written, and
// so do indexes inside defer and go statements, range clauses and the
// builtins other passes rewrite. An index a loop keeps in range is not
// checked: `a[i]` in `for i := range a` or `for i := 0; i < len(a); i++`
// when the body assigns neither a nor i. Each check is a call of compiled
// code, several times the cost of the index itself in yaegi.
//
// Types come from go/types over the unit alone: imported packages are
// empty, so what their functions return is unknown and not checked.

func boundsEdits(s Session, u *Unit) []Edit {
	if !hasIndexing(u.File) {
		return nil
	}
	info := checkTypes(u, sessionVars(s, u))
	b := &bounds{s: s, u: u, info: info}
	b.walk(u.File)
	return b.edits
}

// hasIndexing reports whether n has an index or slice expression.
func hasIndexing(n ast.Node) bool {
	found := false
	ast.Inspect(n, func(m ast.Node) bool {
		switch m.(type) {
		case *ast.IndexExpr, *ast.SliceExpr:
			found = true
		}
		return !found
	})
	return found
}

// emptyImporter gives every import an empty package: the unit is typed
// without the standard library.
type emptyImporter struct{}

func (emptyImporter) Import(p string) (*types.Package, error) {
	name := path.Base(p)
	if strings.HasPrefix(name, "v") && strings.Count(p, "/") > 0 {
		if _, err := fmt.Sscanf(name, "v%d", new(int)); err == nil {
			name = path.Base(path.Dir(p))
		}
	}
	pkg := types.NewPackage(p, name)
	pkg.MarkComplete()
	return pkg, nil
}

// sessionVars returns the types of the session's variables that the
// unit's index and slice expressions read (and the unit does not declare
// at its top level).
func sessionVars(s Session, u *Unit) map[string]types.Type {
	inIndex := map[*ast.Ident]bool{}
	ast.Inspect(u.File, func(n ast.Node) bool {
		switch n.(type) {
		case *ast.IndexExpr, *ast.SliceExpr:
			ast.Inspect(n, func(m ast.Node) bool {
				if id, ok := m.(*ast.Ident); ok {
					inIndex[id] = true
				}
				return true
			})
			return false
		}
		return true
	})
	vars := map[string]types.Type{}
	for _, id := range u.File.Unresolved {
		if _, done := vars[id.Name]; done || !inIndex[id] || u.File.Scope.Lookup(id.Name) != nil {
			continue
		}
		if rt := s.VarType(id.Name); rt != nil {
			if t := goType(rt, 0); t != nil {
				vars[id.Name] = t
			}
		}
	}
	return vars
}

// goType is the go/types type of a reflect type, as far as indexing needs
// it: basic types, slices, arrays, maps and pointers of them; other element
// types become an empty interface. It returns nil for anything else.
func goType(t reflect.Type, depth int) types.Type {
	if depth > 8 {
		return nil
	}
	elem := func(e reflect.Type) types.Type {
		if g := goType(e, depth+1); g != nil {
			return g
		}
		return types.NewInterfaceType(nil, nil)
	}
	switch t.Kind() {
	case reflect.Slice:
		return types.NewSlice(elem(t.Elem()))
	case reflect.Array:
		return types.NewArray(elem(t.Elem()), int64(t.Len()))
	case reflect.Map:
		return types.NewMap(elem(t.Key()), elem(t.Elem()))
	case reflect.Pointer:
		return types.NewPointer(elem(t.Elem()))
	}
	if k, ok := basicKinds[t.Kind()]; ok {
		return types.Typ[k]
	}
	return nil
}

var basicKinds = map[reflect.Kind]types.BasicKind{
	reflect.Bool: types.Bool, reflect.Int: types.Int, reflect.Int8: types.Int8,
	reflect.Int16: types.Int16, reflect.Int32: types.Int32, reflect.Int64: types.Int64,
	reflect.Uint: types.Uint, reflect.Uint8: types.Uint8, reflect.Uint16: types.Uint16,
	reflect.Uint32: types.Uint32, reflect.Uint64: types.Uint64, reflect.Uintptr: types.Uintptr,
	reflect.Float32: types.Float32, reflect.Float64: types.Float64,
	reflect.Complex64: types.Complex64, reflect.Complex128: types.Complex128,
	reflect.String: types.String,
}

// checkTypes types the unit as far as it can be alone, with the session
// variables vars (errors are expected: names of earlier cells that are not
// variables, functions of imported packages).
func checkTypes(u *Unit, vars map[string]types.Type) *types.Info {
	fset := token.NewFileSet()
	fset.AddFile(u.Tok.Name(), u.Tok.Base(), u.Tok.Size())
	info := &types.Info{
		Types: map[ast.Expr]types.TypeAndValue{},
		Defs:  map[*ast.Ident]types.Object{},
		Uses:  map[*ast.Ident]types.Object{},
	}
	pkg := types.NewPackage("main", "main")
	for name, t := range vars {
		pkg.Scope().Insert(types.NewVar(token.NoPos, pkg, name, t))
	}
	conf := &types.Config{Importer: emptyImporter{}, Error: func(error) {}}
	defer func() {
		// A checker failure leaves info as far as it got: fewer checks.
		_ = recover()
	}()
	types.NewChecker(conf, fset, pkg, info).Files([]*ast.File{u.File})
	return info
}

// bounds is one run of the pass over a unit.
type bounds struct {
	s     Session
	u     *Unit
	info  *types.Info
	loops []ast.Stmt // the enclosing for and range statements
	edits []Edit
}

// walk visits n, leaving out what other passes rewrite as a whole.
func (b *bounds) walk(n ast.Node) {
	ast.Inspect(n, func(m ast.Node) bool {
		switch m := m.(type) {
		case *ast.DeferStmt, *ast.GoStmt:
			return false
		case *ast.CallExpr:
			if id, ok := m.Fun.(*ast.Ident); ok && (id.Name == "min" || id.Name == "max" || id.Name == "clear") && b.s.Builtin(id.Name) {
				return false
			}
		case *ast.RangeStmt:
			b.loops = append(b.loops, m)
			b.walk(m.Body)
			b.loops = b.loops[:len(b.loops)-1]
			return false
		case *ast.ForStmt:
			for _, part := range []ast.Node{m.Init, m.Cond, m.Post} {
				if part != nil {
					b.walk(part)
				}
			}
			b.loops = append(b.loops, m)
			b.walk(m.Body)
			b.loops = b.loops[:len(b.loops)-1]
			return false
		case *ast.IndexExpr:
			b.index(m)
		case *ast.SliceExpr:
			b.slice(m)
		}
		return true
	})
}

// kind classifies the operand of an index or slice expression: 's' a
// slice, 'a' an array or pointer to an array, 'c' a string, 0 anything
// else (a map, a type parameter, a generic function, unknown).
func (b *bounds) kind(x ast.Expr) byte {
	t := b.info.TypeOf(x)
	if t == nil {
		return 0
	}
	if _, ok := t.(*types.TypeParam); ok {
		return 0
	}
	u := t.Underlying()
	if p, ok := u.(*types.Pointer); ok {
		u = p.Elem().Underlying()
		if _, ok := u.(*types.Array); !ok {
			return 0
		}
	}
	switch u := u.(type) {
	case *types.Slice:
		return 's'
	case *types.Array:
		return 'a'
	case *types.Basic:
		if u.Info()&types.IsString != 0 {
			return 'c'
		}
	}
	return 0
}

// copyable reports whether x can be written a second time: pure, and every
// name in it declared in the unit (not main, which another pass renames).
func (b *bounds) copyable(x ast.Expr) bool {
	if !pureExpr(x) {
		return false
	}
	ok := true
	ast.Inspect(x, func(n ast.Node) bool {
		if sel, isSel := n.(*ast.SelectorExpr); isSel {
			ast.Inspect(sel.X, func(m ast.Node) bool {
				if id, isID := m.(*ast.Ident); isID && !b.local(id) {
					ok = false
				}
				return ok
			})
			return false
		}
		if id, isID := n.(*ast.Ident); isID && !b.local(id) {
			ok = false
		}
		return ok
	})
	return ok
}

// local reports whether id names a variable or constant the unit declares
// (or a predeclared constant: true, false, iota).
func (b *bounds) local(id *ast.Ident) bool {
	if id.Name == "main" || id.Name == "_" {
		return false
	}
	switch o := b.info.Uses[id].(type) {
	case *types.Var:
		return o.Pkg() != nil
	case *types.Const:
		return true
	}
	return false
}

// intText is x's text as an int argument of a helper.
func (b *bounds) intText(x ast.Expr) (string, bool) {
	t := b.info.TypeOf(x)
	if t == nil {
		return "", false
	}
	bt, ok := t.Underlying().(*types.Basic)
	if !ok || bt.Info()&types.IsInteger == 0 && bt.Kind() != types.UntypedFloat {
		return "", false
	}
	text := b.text(x)
	if t == types.Typ[types.Int] || t == types.Typ[types.UntypedInt] {
		return text, true
	}
	return "int(" + text + ")", true
}

func (b *bounds) text(x ast.Node) string { return b.u.Text[b.u.Off(x.Pos()):b.u.Off(x.End())] }

// at is the helper's position arguments for x: its line in the cell (line
// 1 of the parsed source is the engine's wrapper) and column.
func (b *bounds) at(x ast.Node) string {
	p := b.u.Tok.Position(x.Pos())
	return fmt.Sprintf("%d, %d", p.Line, p.Column)
}

// wrap replaces the text of x by open + x's int text + close.
func (b *bounds) wrap(x ast.Expr, open, close string) bool {
	it, ok := b.intText(x)
	if !ok {
		return false
	}
	from, to := b.u.Off(x.Pos()), b.u.Off(x.End())
	if from < 0 || to > len(b.u.Text) || from > to {
		return false
	}
	pre, post := open, close
	if it != b.text(x) { // int(…)
		pre, post = open+"int(", ")"+close
	}
	b.edits = append(b.edits, Edit{from, from, pre}, Edit{to, to, post})
	return true
}

func (b *bounds) index(x *ast.IndexExpr) {
	k := b.kind(x.X)
	if k == 0 || !b.copyable(x.X) {
		return
	}
	if tv, ok := b.info.Types[x.Index]; ok && tv.Value != nil && k != 's' {
		return // a constant index of an array or string: the compiler checks it
	}
	if b.inRange(x) {
		return
	}
	b.wrap(x.Index, Runtime+".Index(", fmt.Sprintf(", len(%s), %s)", b.text(x.X), b.at(x)))
}

func (b *bounds) slice(x *ast.SliceExpr) {
	k := b.kind(x.X)
	if k == 0 || !b.copyable(x.X) || x.Slice3 && k != 's' {
		return
	}
	bound := func(e ast.Expr, def string) (string, bool) {
		if e == nil {
			return def, true
		}
		if !b.copyable(e) {
			return "", false
		}
		return b.intText(e)
	}
	xt := b.text(x.X)
	hi, ok := bound(x.High, "len("+xt+")")
	if !ok {
		return
	}
	var args string
	switch {
	case x.Slice3:
		max, ok := bound(x.Max, "")
		if !ok || x.Max == nil || x.High == nil {
			return
		}
		args = fmt.Sprintf(", %s, %s, cap(%s), %s)", hi, max, xt, b.at(x))
	case k == 's':
		args = fmt.Sprintf(", %s, cap(%s), %s)", hi, xt, b.at(x))
	default:
		args = fmt.Sprintf(", %s, len(%s), %s)", hi, xt, b.at(x))
	}
	fn := "SliceLen"
	if x.Slice3 {
		fn = "Slice3"
	} else if k == 's' {
		fn = "Slice"
	}
	if x.Low == nil {
		at := b.u.Off(x.Lbrack) + 1
		b.edits = append(b.edits, Edit{at, at, Runtime + "." + fn + "(0" + args})
		return
	}
	b.wrap(x.Low, Runtime+"."+fn+"(", args)
}

// inRange reports whether an enclosing loop keeps the index of x in range:
// x is a[i] inside `for i := range a` or `for i := 0; i < len(a); i++`,
// whose body assigns neither a nor i.
func (b *bounds) inRange(x *ast.IndexExpr) bool {
	arr, ok1 := x.X.(*ast.Ident)
	idx, ok2 := x.Index.(*ast.Ident)
	if !ok1 || !ok2 {
		return false
	}
	ao, io := b.info.Uses[arr], b.info.Uses[idx]
	if ao == nil || io == nil {
		return false
	}
	for _, l := range b.loops {
		var key ast.Expr
		var over ast.Expr
		var body *ast.BlockStmt
		switch l := l.(type) {
		case *ast.RangeStmt:
			if l.Tok != token.DEFINE {
				continue
			}
			key, over, body = l.Key, l.X, l.Body
		case *ast.ForStmt:
			k, o, ok := countingLoop(b.info, l)
			if !ok {
				continue
			}
			key, over, body = k, o, l.Body
		}
		kid, ok := key.(*ast.Ident)
		oid, ok2 := over.(*ast.Ident)
		if !ok || !ok2 || b.info.Defs[kid] != io || b.info.Uses[oid] != ao {
			continue
		}
		if !changes(b.info, body, ao, io) {
			return true
		}
	}
	return false
}

// countingLoop matches `for i := C; i < len(a); i++` with a constant C ≥ 0
// and returns i's definition and a.
func countingLoop(info *types.Info, l *ast.ForStmt) (key, over ast.Expr, ok bool) {
	init, ok1 := l.Init.(*ast.AssignStmt)
	cond, ok2 := l.Cond.(*ast.BinaryExpr)
	post, ok3 := l.Post.(*ast.IncDecStmt)
	if !ok1 || !ok2 || !ok3 || init.Tok != token.DEFINE || len(init.Lhs) != 1 || len(init.Rhs) != 1 || cond.Op != token.LSS || post.Tok != token.INC {
		return nil, nil, false
	}
	tv, ok := info.Types[init.Rhs[0]]
	if !ok || tv.Value == nil || tv.Value.String() == "" || strings.HasPrefix(tv.Value.String(), "-") {
		return nil, nil, false
	}
	i, ok1 := init.Lhs[0].(*ast.Ident)
	ci, ok2 := cond.X.(*ast.Ident)
	pi, ok3 := post.X.(*ast.Ident)
	call, ok4 := cond.Y.(*ast.CallExpr)
	if !ok1 || !ok2 || !ok3 || !ok4 || len(call.Args) != 1 {
		return nil, nil, false
	}
	fn, ok := call.Fun.(*ast.Ident)
	if !ok || fn.Name != "len" {
		return nil, nil, false
	}
	if _, builtin := info.Uses[fn].(*types.Builtin); !builtin {
		return nil, nil, false
	}
	def := info.Defs[i]
	if def == nil || info.Uses[ci] != def || info.Uses[pi] != def {
		return nil, nil, false
	}
	return i, call.Args[0], true
}

// changes reports whether body assigns, increments or takes the address of
// a variable of objs (anywhere, function literals included).
func changes(info *types.Info, body *ast.BlockStmt, objs ...types.Object) bool {
	is := func(x ast.Expr) bool {
		for {
			switch y := x.(type) {
			case *ast.ParenExpr:
				x = y.X
				continue
			case *ast.Ident:
				o := info.Uses[y]
				for _, want := range objs {
					if o == want {
						return true
					}
				}
			}
			return false
		}
	}
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			for _, l := range n.Lhs {
				found = found || is(l)
			}
		case *ast.IncDecStmt:
			found = found || is(n.X)
		case *ast.UnaryExpr:
			found = found || n.Op == token.AND && is(n.X)
		case *ast.RangeStmt:
			found = found || n.Tok == token.ASSIGN && (n.Key != nil && is(n.Key) || n.Value != nil && is(n.Value))
		}
		return !found
	})
	return found
}
