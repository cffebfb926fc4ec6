package rewrite

import (
	"fmt"
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"
	"go/types"
	"path"
	"reflect"
	"sort"
	"strings"
)

// Index and slice bounds.
//
// yaegi v0.16.1 indexes and slices through package reflect: `a[5]` of a
// slice of length 3 panics with "reflect: slice index out of range", which
// names neither the index nor the length, and the value recovered is a
// string, not a runtime.Error. Go's text is "runtime error: index out of
// range [5] with length 3". An index or slice expression whose operand is
// known, in the unit itself or as a variable of an earlier cell
// (Session.VarType), to be a slice, an array, a pointer to an array or a
// string checks its bounds through the engine's helpers first, which panic
// with Go's own runtime.Error and keep the position for the message.
//
// An index of a statement that can be checked before it runs gets two
// comparisons in front of the statement, so that only a failing index calls
// the helper (3, 7: the expression's line and column):
//
//	x := a[i]      →  if i < 0 || i >= len(a) { __rt.Index(i, len(a), 3, 7) }; x := a[i]
//
// Such a statement is an assignment, increment, expression or return
// statement of a block that receives from no channel and starts with a
// local variable or a keyword; an index under && or ||, in a function
// literal, or whose names a call in the statement could change (a
// variable captured by a function literal, whose address is taken, or not
// local), is checked where it is evaluated instead, as are slice
// expressions:
//
//	f(a[i])        →  f(a[__rt.Index(i, len(a), 3, 7)])
//	s[lo:hi]       →  s[__rt.Slice(lo, hi, cap(s), 3, 7):hi]
//	str[lo:]       →  str[__rt.SliceLen(lo, len(str), len(str), 3, 7):]
//	s[lo:hi:max]   →  s[__rt.Slice3(lo, hi, max, cap(s), 3, 7):hi:max]
//
// The operand, and what a check reads a second time, are written twice, so
// they must be names, fields, literals, indexes and operators of variables
// the unit can see, or variables and constants of packages (os.Args)
// (pureExpr, with len and cap: copyable). An operand that is not pure (a call: f()[i],
// strings.Fields(s)[3]) is evaluated once, by a helper that checks the
// bounds and returns it, asserted back to its type, which the unit must be
// able to write (made of predeclared types and exported types of packages
// it names: []string, sort.StringSlice; not a cell's type):
//
//	f()[i]         →  __rt.IndexOf(f(), i, 3, 7).([]string)[i]
//	f()[lo:]       →  __rt.SliceOf(f(), lo, 0, 0, 0, 3, 7).([]string)[lo:]
//
// An index of anything else, of a map or of a type parameter stays as
// written, and so do indexes inside defer and go statements, range
// clauses and the builtins other passes rewrite. An index a loop keeps in
// range is not checked: `a[i]` in `for i := range a` or `for i := 0; i <
// len(a); i++` when the body assigns neither a nor i; the variable of a
// loop counting up from 0 is not compared with 0.
//
// The checks cost time in index-heavy interpreted loops: a 120×120 matrix
// product written as three counting loops over [][]float64 takes about 2.3
// times the CPU time (six checks per multiply-add), a loop over `range a`
// none.
//
// Types come from go/types over the unit, with the packages it names as
// the engine runs them (Session.Package: the standard library and nnlib,
// made from yaegi's symbol tables by kernel/internal/stdtypes), the
// functions of earlier cells whose signatures are made of such types
// (Session.Func), the variables of earlier cells with their run-time types
// (Session.VarType; exact for compiled named types, Session.GoType, and
// otherwise never written out: see goType), and those the same cell
// defines before the unit with the type their source shows
// (Session.CellVarType) when that is made of predeclared types ([]int,
// map[string][]float64); an index of anything else untyped is not checked.

func boundsEdits(s Session, u *Unit) []Edit {
	if !hasIndexing(u.File) {
		return nil
	}
	b := newBounds(s, u, isIndexing)
	b.visit = b.boundsCheck
	b.shared = sharedVars(b.info, b.pkg, u.File)
	b.walk(u.File)
	return b.edits
}

// isIndexing reports whether n is an index or slice expression.
func isIndexing(n ast.Node) bool {
	switch n.(type) {
	case *ast.IndexExpr, *ast.SliceExpr:
		return true
	}
	return false
}

// boundsCheck checks n when it is an index or slice expression.
func (b *bounds) boundsCheck(n ast.Node) {
	switch n := n.(type) {
	case *ast.IndexExpr:
		b.index(n)
	case *ast.SliceExpr:
		b.slice(n)
	}
}

// newBounds types the unit — with the session's variables that the nodes
// checked reads, the packages and earlier cells' functions it refers to, and
// the files of package main in extra — for a walk of the bounds or faults
// pass.
func newBounds(s Session, u *Unit, checked func(ast.Node) bool, extra ...string) *bounds {
	pkgs := sessionPackages(s, u)
	info, pkg := checkTypes(s, u, sessionVars(s, u, checked), pkgs, sessionFuncs(s, u), extra...)
	return &bounds{s: s, u: u, info: info, pkg: pkg, pkgNames: spellablePackages(u, pkgs)}
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

// sessionImporter gives an import of the unit's own source the package
// the session knows by the path's name when it has that path, and an empty
// package otherwise. (The engine's units have no imports: they refer to
// the session's packages by name, sessionPackages.)
type sessionImporter struct{ s Session }

func (im sessionImporter) Import(p string) (*types.Package, error) {
	name := path.Base(p)
	if strings.HasPrefix(name, "v") && strings.Count(p, "/") > 0 {
		if _, err := fmt.Sscanf(name, "v%d", new(int)); err == nil {
			name = path.Base(path.Dir(p))
		}
	}
	if pkg := im.s.Package(name); pkg != nil && pkg.Path() == p {
		return pkg, nil
	}
	pkg := types.NewPackage(p, name)
	pkg.MarkComplete()
	return pkg, nil
}

// sessionPackages returns the packages the unit refers to by a name it
// does not declare (strings in strings.Fields), by that name.
func sessionPackages(s Session, u *Unit) map[string]*types.Package {
	unresolved := map[*ast.Ident]bool{}
	for _, id := range u.File.Unresolved {
		unresolved[id] = true
	}
	pkgs := map[string]*types.Package{}
	ast.Inspect(u.File, func(n ast.Node) bool {
		sel, ok := n.(*ast.SelectorExpr)
		if !ok {
			return true
		}
		if id, ok := sel.X.(*ast.Ident); ok && unresolved[id] {
			if _, done := pkgs[id.Name]; !done {
				pkgs[id.Name] = s.Package(id.Name) // nil: not a package
			}
		}
		return true
	})
	for name, p := range pkgs {
		if p == nil {
			delete(pkgs, name)
		}
	}
	return pkgs
}

// sessionFuncs returns the types, as Go source, of the functions of
// earlier cells (or of the cell before the unit) the unit calls.
func sessionFuncs(s Session, u *Unit) map[string]string {
	unresolved := map[*ast.Ident]bool{}
	for _, id := range u.File.Unresolved {
		unresolved[id] = true
	}
	funcs := map[string]string{}
	ast.Inspect(u.File, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		id, ok := call.Fun.(*ast.Ident)
		if !ok || !unresolved[id] {
			return true
		}
		if _, done := funcs[id.Name]; done {
			return true
		}
		funcs[id.Name] = ""
		if fd := s.Func(id.Name); fd != nil && fd.Recv == nil && fd.Type.TypeParams == nil {
			var w strings.Builder
			if err := format.Node(&w, token.NewFileSet(), fd.Type); err == nil {
				funcs[id.Name] = w.String()
			}
		}
		return true
	})
	for name, src := range funcs {
		if src == "" {
			delete(funcs, name)
		}
	}
	return funcs
}

// spellablePackages returns the names by which rewritten code can name the
// packages of pkgs anywhere in the unit: those the unit declares nothing
// under.
func spellablePackages(u *Unit, pkgs map[string]*types.Package) map[*types.Package]string {
	if len(pkgs) == 0 {
		return nil
	}
	declared := map[string]bool{}
	ast.Inspect(u.File, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && id.Obj != nil {
			declared[id.Name] = true
		}
		return true
	})
	names := map[*types.Package]string{}
	for name, p := range pkgs {
		if !declared[name] {
			names[p] = name
		}
	}
	return names
}

// sessionVars returns the types of the session's variables that the
// unit's checked expressions (those for which checked is true: index and
// slice expressions for bounds) read, and the unit does not declare at its
// top level.
func sessionVars(s Session, u *Unit, checked func(ast.Node) bool) map[string]types.Type {
	inIndex := map[*ast.Ident]bool{}
	ast.Inspect(u.File, func(n ast.Node) bool {
		if checked(n) {
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
		if src, defined := s.CellVarType(id.Name); defined {
			// Defined by the cell before the unit: the type its source
			// shows, when that is made of predeclared types alone.
			if src != "" {
				if tv, err := types.Eval(token.NewFileSet(), nil, token.NoPos, src); err == nil && tv.IsType() {
					vars[id.Name] = tv.Type
				}
			}
			continue
		}
		if rt := s.VarType(id.Name); rt != nil {
			if t := goType(s, rt, 0); t != nil {
				vars[id.Name] = t
			}
		}
	}
	return vars
}

// goType is the go/types type of a reflect type, as far as indexing needs
// it: named types of compiled packages (Session.GoType), basic types,
// slices, arrays, maps and pointers of them; other element types become an
// empty interface. It returns nil for anything else. As an unnamed reflect
// type does not say which cell type it stands for (yaegi makes a cell's
// `type Temps []float64` a []float64), every unnamed type but a basic one
// (pointers aside) is named in approxPkg, so that typeText never writes it
// out.
func goType(s Session, t reflect.Type, depth int) types.Type {
	if depth > 8 {
		return nil
	}
	if t.Name() != "" && t.PkgPath() != "" {
		return s.GoType(t) // a compiled type, which no cell type can be
	}
	elem := func(e reflect.Type) types.Type {
		if g := goType(s, e, depth+1); g != nil {
			return g
		}
		return approx(types.NewInterfaceType(nil, nil))
	}
	switch t.Kind() {
	case reflect.Slice:
		return approx(types.NewSlice(elem(t.Elem())))
	case reflect.Array:
		return approx(types.NewArray(elem(t.Elem()), int64(t.Len())))
	case reflect.Map:
		return approx(types.NewMap(elem(t.Key()), elem(t.Elem())))
	case reflect.Pointer:
		// Not named, so that methods of a compiled type are found through
		// it (re.FindString of a *regexp.Regexp): no operand written out is a
		// pointer, and what it points to is named where it must be.
		return types.NewPointer(elem(t.Elem()))
	}
	if k, ok := basicKinds[t.Kind()]; ok {
		return types.Typ[k]
	}
	return nil
}

// approxPkg holds the types goType makes.
var approxPkg = types.NewPackage("nnbook/session", "session")

// approx is u named in approxPkg.
func approx(u types.Type) types.Type {
	return types.NewNamed(types.NewTypeName(token.NoPos, approxPkg, "T", nil), u, nil)
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
// variables vars, the packages pkgs and the functions funcs it refers to,
// and the files of package main in extra, if any (errors are expected:
// names of earlier cells that are not variables).
func checkTypes(s Session, u *Unit, vars map[string]types.Type, pkgs map[string]*types.Package, funcs map[string]string, extra ...string) (*types.Info, *types.Package) {
	fset := token.NewFileSet()
	fset.AddFile(u.Tok.Name(), u.Tok.Base(), u.Tok.Size())
	files := []*ast.File{u.File}
	for _, src := range extra {
		if f, err := parser.ParseFile(fset, "", src, parser.SkipObjectResolution); err == nil {
			files = append(files, f)
		}
	}
	info := &types.Info{
		Types:      map[ast.Expr]types.TypeAndValue{},
		Defs:       map[*ast.Ident]types.Object{},
		Uses:       map[*ast.Ident]types.Object{},
		Selections: map[*ast.SelectorExpr]*types.Selection{},
	}
	pkg := types.NewPackage("main", "main")
	for name, t := range vars {
		pkg.Scope().Insert(types.NewVar(token.NoPos, pkg, name, t))
	}
	for name, p := range pkgs {
		pkg.Scope().Insert(types.NewPkgName(token.NoPos, pkg, name, p))
	}
	for name, src := range funcs {
		// A type of a cell is unknown here: its function stays untyped.
		if tv, err := types.Eval(fset, pkg, token.NoPos, src); err == nil && tv.IsType() {
			if sig, ok := tv.Type.(*types.Signature); ok {
				pkg.Scope().Insert(types.NewFunc(token.NoPos, pkg, name, sig))
			}
		}
	}
	conf := &types.Config{Importer: sessionImporter{s}, Error: func(error) {}}
	defer func() {
		// A checker failure leaves info as far as it got: fewer checks.
		_ = recover()
	}()
	types.NewChecker(conf, fset, pkg, info).Files(files)
	return info, pkg
}

// bounds is one run of the pass over a unit.
type bounds struct {
	s      Session
	u      *Unit
	info   *types.Info
	pkg    *types.Package
	shared map[types.Object]bool // local variables code elsewhere may change (sharedVars)
	loops  []ast.Stmt            // the enclosing for and range statements
	edits  []Edit

	// visit checks one node of the walk (boundsCheck: index and slice
	// expressions); conds also writes checks before if statements without
	// an init, for their condition, and before var declarations, and in
	// the body of a function literal a go statement calls.
	visit func(ast.Node)
	conds bool

	// The names rewritten code can give the packages the unit refers to
	// (spellablePackages).
	pkgNames map[*types.Package]string

	// The statement whose index checks go before it, when there is one
	// (hoistable), and those checks.
	stmt      ast.Stmt
	stmtCalls bool // the statement calls functions
	pre       []preCheck
}

// preCheck is the check of one index, written before its statement.
type preCheck struct {
	rbrack int // orders the checks as the indexes are evaluated
	text   string
}

// walk visits n, leaving out what other passes rewrite as a whole.
func (b *bounds) walk(n ast.Node) {
	ast.Inspect(n, func(m ast.Node) bool {
		switch m := m.(type) {
		case *ast.GoStmt:
			if fl, ok := m.Call.Fun.(*ast.FuncLit); ok && b.conds {
				b.outside(func() { b.walk(fl.Body) })
			}
			return false
		case *ast.DeferStmt:
			return false
		}
		if m != nil {
			b.visit(m)
		}
		switch m := m.(type) {
		case *ast.IfStmt:
			// The condition's checks may go before the statement; an else
			// branch is evaluated only sometimes.
			for _, part := range []ast.Node{m.Init, m.Cond, m.Body} {
				if part != nil {
					b.walk(part)
				}
			}
			if m.Else != nil {
				b.outside(func() { b.walk(m.Else) })
			}
			return false
		case *ast.CallExpr:
			if id, ok := m.Fun.(*ast.Ident); ok && (id.Name == "min" || id.Name == "max" || id.Name == "clear") && b.s.Builtin(id.Name) {
				return false
			}
		case *ast.BlockStmt:
			b.list(m.List)
			return false
		case *ast.CaseClause:
			b.outside(func() {
				for _, x := range m.List {
					b.walk(x)
				}
			})
			b.list(m.Body)
			return false
		case *ast.CommClause:
			b.outside(func() {
				if m.Comm != nil {
					b.walk(m.Comm)
				}
			})
			b.list(m.Body)
			return false
		case *ast.FuncLit:
			b.outside(func() { b.walk(m.Body) })
			return false
		case *ast.BinaryExpr:
			if m.Op == token.LAND || m.Op == token.LOR {
				// The right operand is evaluated only sometimes.
				b.walk(m.X)
				b.outside(func() { b.walk(m.Y) })
				return false
			}
		case *ast.RangeStmt:
			b.loops = append(b.loops, m)
			b.walk(m.Body)
			b.loops = b.loops[:len(b.loops)-1]
			return false
		case *ast.ForStmt:
			b.outside(func() {
				for _, part := range []ast.Node{m.Init, m.Cond, m.Post} {
					if part != nil {
						b.walk(part)
					}
				}
			})
			b.loops = append(b.loops, m)
			b.walk(m.Body)
			b.loops = b.loops[:len(b.loops)-1]
			return false
		}
		return true
	})
}

// outside runs f with no statement to write checks before.
func (b *bounds) outside(f func()) {
	stmt := b.stmt
	b.stmt = nil
	f()
	b.stmt = stmt
}

// list visits a block's statements, writing the checks of a hoistable
// statement's indexes before it.
func (b *bounds) list(stmts []ast.Stmt) {
	stmt, calls, pre := b.stmt, b.stmtCalls, b.pre
	for _, st := range stmts {
		b.stmt, b.pre = nil, nil
		if b.hoistable(st) {
			b.stmt, b.stmtCalls = st, b.calls(head(st))
		}
		b.walk(st)
		if len(b.pre) > 0 {
			sort.SliceStable(b.pre, func(i, j int) bool { return b.pre[i].rbrack < b.pre[j].rbrack })
			var w strings.Builder
			for _, c := range b.pre {
				w.WriteString(c.text)
			}
			at := b.u.Off(st.Pos())
			b.edits = append(b.edits, Edit{at, at, w.String()})
		}
	}
	b.stmt, b.stmtCalls, b.pre = stmt, calls, pre
}

// hoistable reports whether checks of st's indexes can go before st: an
// assignment, increment, expression or return statement (with conds, also
// an if statement without an init, for its condition, and a var
// declaration) that receives from no channel and starts with a keyword, an
// operator or a local variable (no other rewrite edits where it starts).
func (b *bounds) hoistable(st ast.Stmt) bool {
	switch st := st.(type) {
	case *ast.AssignStmt, *ast.IncDecStmt, *ast.ExprStmt, *ast.ReturnStmt:
	case *ast.IfStmt:
		if !b.conds || st.Init != nil {
			return false
		}
	case *ast.DeclStmt:
		if g, ok := st.Decl.(*ast.GenDecl); !b.conds || !ok || g.Tok != token.VAR {
			return false
		}
	default:
		return false
	}
	ok := true
	ast.Inspect(head(st), func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.UnaryExpr:
			ok = ok && n.Op != token.ARROW
		}
		return ok
	})
	if !ok {
		return false
	}
	first := leftmost(st)
	if first == nil {
		return true
	}
	obj := b.info.Defs[first]
	if obj == nil {
		obj = b.info.Uses[first]
	}
	return first.Name != "main" && b.localVar(obj)
}

// head is what of st is evaluated before anything else runs: the
// condition of an if statement, the whole of other statements.
func head(st ast.Stmt) ast.Node {
	if s, ok := st.(*ast.IfStmt); ok {
		return s.Cond
	}
	return st
}

// leftmost returns the identifier st starts with, or nil when it starts
// with a keyword or an operator.
func leftmost(st ast.Stmt) *ast.Ident {
	var x ast.Expr
	switch st := st.(type) {
	case *ast.AssignStmt:
		x = st.Lhs[0]
	case *ast.IncDecStmt:
		x = st.X
	case *ast.ExprStmt:
		x = st.X
	default:
		return nil
	}
	for {
		switch y := x.(type) {
		case *ast.Ident:
			return y
		case *ast.IndexExpr:
			x = y.X
		case *ast.IndexListExpr:
			x = y.X
		case *ast.SliceExpr:
			x = y.X
		case *ast.SelectorExpr:
			x = y.X
		case *ast.CallExpr:
			x = y.Fun
		case *ast.TypeAssertExpr:
			x = y.X
		case *ast.BinaryExpr:
			x = y.X
		case *ast.CompositeLit:
			if y.Type == nil {
				return nil
			}
			x = y.Type
		default:
			return nil
		}
	}
}

// localVar reports whether obj is a variable declared inside a function.
func (b *bounds) localVar(obj types.Object) bool {
	v, ok := obj.(*types.Var)
	return ok && v.Parent() != nil && v.Parent() != b.pkg.Scope() && v.Parent() != types.Universe && !v.IsField()
}

// calls reports whether st calls a function (builtins that only read their
// arguments and conversions aside).
func (b *bounds) calls(st ast.Node) bool {
	found := false
	ast.Inspect(st, func(n ast.Node) bool {
		c, ok := n.(*ast.CallExpr)
		if !ok || found {
			return !found
		}
		found = b.isCall(c)
		return !found
	})
	return found
}

// isCall reports whether c calls a function: not a conversion, nor a
// builtin that only reads its arguments.
func (b *bounds) isCall(c *ast.CallExpr) bool {
	if tv, ok := b.info.Types[c.Fun]; ok && tv.IsType() {
		return false
	}
	if id, ok := c.Fun.(*ast.Ident); ok {
		if bi, ok := b.info.Uses[id].(*types.Builtin); ok {
			switch bi.Name() {
			case "len", "cap", "append", "complex", "real", "imag":
				return false
			}
		}
	}
	return true
}

// unshared reports whether every name in x is a local variable that
// nothing but its own function's statements can change: not captured by a
// function literal, its address never taken (by & or a method call).
func (b *bounds) unshared(x ast.Expr) bool {
	ok := true
	ast.Inspect(x, func(n ast.Node) bool {
		if id, isID := n.(*ast.Ident); isID {
			o := b.info.Uses[id]
			if _, isConst := o.(*types.Const); !isConst && (!b.localVar(o) || b.shared[o]) {
				ok = false
			}
		}
		return ok
	})
	return ok
}

// sharedVars returns the local variables of f that a function literal
// captures or whose address is taken (&v, &v.f, &v[i], v.M for a method M).
func sharedVars(info *types.Info, pkg *types.Package, f *ast.File) map[types.Object]bool {
	shared := map[types.Object]bool{}
	root := func(x ast.Expr) {
		for {
			switch y := x.(type) {
			case *ast.ParenExpr:
				x = y.X
				continue
			case *ast.SelectorExpr:
				x = y.X
				continue
			case *ast.IndexExpr:
				x = y.X
				continue
			case *ast.Ident:
				if o := info.Uses[y]; o != nil {
					shared[o] = true
				}
			}
			return
		}
	}
	var lits []*ast.FuncLit
	ast.Inspect(f, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.UnaryExpr:
			if n.Op == token.AND {
				root(n.X)
			}
		case *ast.SelectorExpr:
			if sel, ok := info.Selections[n]; !ok || sel.Kind() != types.FieldVal {
				root(n.X)
			}
		case *ast.FuncLit:
			lits = append(lits, n)
		}
		return true
	})
	for _, lit := range lits {
		ast.Inspect(lit.Body, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok {
				if o := info.Uses[id]; o != nil && (o.Pos() < lit.Pos() || o.Pos() >= lit.End()) && o.Parent() != pkg.Scope() {
					shared[o] = true
				}
			}
			return true
		})
	}
	return shared
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

// pure is pureExpr that also lets x call the builtins len and cap
// (a[len(a)-1]).
func (b *bounds) pure(x ast.Expr) bool {
	switch x := x.(type) {
	case *ast.CallExpr:
		return b.lenCap(x) && b.pure(x.Args[0])
	case *ast.ParenExpr:
		return b.pure(x.X)
	case *ast.SelectorExpr:
		return b.pure(x.X)
	case *ast.IndexExpr:
		return b.pure(x.X) && b.pure(x.Index)
	case *ast.StarExpr:
		return b.pure(x.X)
	case *ast.UnaryExpr:
		return x.Op != token.ARROW && b.pure(x.X)
	case *ast.BinaryExpr:
		return b.pure(x.X) && b.pure(x.Y)
	}
	return pureExpr(x)
}

// lenCap reports whether c calls the builtin len or cap with one argument.
func (b *bounds) lenCap(c *ast.CallExpr) bool {
	id, ok := c.Fun.(*ast.Ident)
	if !ok || len(c.Args) != 1 || c.Ellipsis.IsValid() {
		return false
	}
	bi, ok := b.info.Uses[id].(*types.Builtin)
	return ok && (bi.Name() == "len" || bi.Name() == "cap")
}

// copyable reports whether x can be written a second time: pure, and every
// name in it declared in the unit (not main, which another pass renames).
func (b *bounds) copyable(x ast.Expr) bool {
	if !b.pure(x) {
		return false
	}
	ok := true
	var visit func(n ast.Node) bool
	visit = func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.CallExpr: // len or cap (pure)
			ast.Inspect(n.Args[0], visit)
			return false
		case *ast.SelectorExpr:
			if b.packageMember(n) {
				return false
			}
			ast.Inspect(n.X, func(m ast.Node) bool {
				if id, isID := m.(*ast.Ident); isID && !b.local(id) {
					ok = false
				}
				return ok
			})
			return false
		case *ast.Ident:
			if !b.local(n) {
				ok = false
			}
		}
		return ok
	}
	ast.Inspect(x, visit)
	return ok
}

// packageMember reports whether sel is a variable or constant of an
// imported package (os.Args, math.MaxInt8).
func (b *bounds) packageMember(sel *ast.SelectorExpr) bool {
	id, ok := sel.X.(*ast.Ident)
	if !ok {
		return false
	}
	if _, isPkg := b.info.Uses[id].(*types.PkgName); !isPkg {
		return false
	}
	switch b.info.Uses[sel.Sel].(type) {
	case *types.Var, *types.Const:
		return true
	}
	return false
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
	if k == 0 {
		return
	}
	if tv, ok := b.info.Types[x.Index]; ok && tv.Value != nil && k != 's' {
		return // a constant index of an array or string: the compiler checks it
	}
	if !b.pure(x.X) {
		b.indexOnce(x)
		return
	}
	if !b.copyable(x.X) {
		return
	}
	if b.inRange(x) {
		return
	}
	if b.stmt != nil && b.copyable(x.Index) && (!b.stmtCalls || b.unshared(x.X) && b.unshared(x.Index)) {
		if _, isID := x.X.(*ast.Ident); isID || !b.stmtCalls {
			if it, ok := b.intText(x.Index); ok {
				// Before the statement: two comparisons, and the helper only
				// when they fail.
				// it, the index as an int: len is one, and an index of
				// another integer type (a rune's c-'a') cannot be compared
				// with it.
				xt := b.text(x.X)
				cond := fmt.Sprintf("%s < 0 || %s >= len(%s)", it, it, xt)
				if b.nonNegative(x.Index) {
					cond = fmt.Sprintf("%s >= len(%s)", it, xt)
				}
				b.pre = append(b.pre, preCheck{b.u.Off(x.Rbrack), fmt.Sprintf("if %s { %s.Index(%s, len(%s), %s) }; ", cond, Runtime, it, xt, b.at(x))})
				return
			}
		}
	}
	b.wrap(x.Index, Runtime+".Index(", fmt.Sprintf(", len(%s), %s)", b.text(x.X), b.at(x)))
}

func (b *bounds) slice(x *ast.SliceExpr) {
	k := b.kind(x.X)
	if k != 0 && !b.pure(x.X) {
		b.sliceOnce(x, k)
		return
	}
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

// nonNegative reports whether the index x cannot be negative: a constant,
// or the variable of an enclosing range loop or of a loop counting up from
// a constant ≥ 0, which the body does not assign.
func (b *bounds) nonNegative(x ast.Expr) bool {
	if tv := b.info.Types[x]; tv.Value != nil {
		return !strings.HasPrefix(tv.Value.String(), "-")
	}
	id, ok := x.(*ast.Ident)
	if !ok {
		return false
	}
	o := b.info.Uses[id]
	for _, l := range b.loops {
		var key ast.Expr
		var body *ast.BlockStmt
		switch l := l.(type) {
		case *ast.RangeStmt:
			if l.Tok != token.DEFINE {
				continue
			}
			key, body = l.Key, l.Body
		case *ast.ForStmt:
			k, ok := upLoop(b.info, l)
			if !ok {
				continue
			}
			key, body = k, l.Body
		}
		if kid, ok := key.(*ast.Ident); ok && b.info.Defs[kid] == o && o != nil {
			return !changes(b.info, body, o)
		}
	}
	return false
}

// upLoop matches `for i := C; …; i++` with a constant C ≥ 0 and returns
// i's definition.
func upLoop(info *types.Info, l *ast.ForStmt) (key ast.Expr, ok bool) {
	init, ok1 := l.Init.(*ast.AssignStmt)
	post, ok2 := l.Post.(*ast.IncDecStmt)
	if !ok1 || !ok2 || init.Tok != token.DEFINE || len(init.Lhs) != 1 || len(init.Rhs) != 1 || post.Tok != token.INC {
		return nil, false
	}
	tv, ok := info.Types[init.Rhs[0]]
	if !ok || tv.Value == nil || strings.HasPrefix(tv.Value.String(), "-") {
		return nil, false
	}
	i, ok1 := init.Lhs[0].(*ast.Ident)
	pi, ok2 := post.X.(*ast.Ident)
	if !ok1 || !ok2 || info.Defs[i] == nil || info.Uses[pi] != info.Defs[i] {
		return nil, false
	}
	return i, true
}

// countingLoop matches `for i := C; i < len(a); i++` with a constant C ≥ 0
// and returns i's definition and a.
func countingLoop(info *types.Info, l *ast.ForStmt) (key, over ast.Expr, ok bool) {
	i, ok := upLoop(info, l)
	cond, ok2 := l.Cond.(*ast.BinaryExpr)
	if !ok || !ok2 || cond.Op != token.LSS {
		return nil, nil, false
	}
	ci, ok1 := cond.X.(*ast.Ident)
	call, ok2 := cond.Y.(*ast.CallExpr)
	if !ok1 || !ok2 || len(call.Args) != 1 || info.Uses[ci] != info.Defs[i.(*ast.Ident)] {
		return nil, nil, false
	}
	fn, ok := call.Fun.(*ast.Ident)
	if !ok || fn.Name != "len" {
		return nil, nil, false
	}
	if _, builtin := info.Uses[fn].(*types.Builtin); !builtin {
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

// indexOnce checks x[i] whose operand x is not pure (a call: f()[i],
// strings.Fields(s)[3]): x is evaluated once, by the helper, which checks
// the index against its length and returns it for the index expression to
// assert back to its type T, which the unit must be able to write:
//
//	f()[i]  →  __rt.IndexOf(f(), i, 3, 7).(T)[i]
//
// The index is written twice, so it must be copyable.
func (b *bounds) indexOnce(x *ast.IndexExpr) {
	if _, isPtr := b.info.TypeOf(x.X).Underlying().(*types.Pointer); isPtr || !b.copyable(x.Index) {
		return
	}
	it, ok := b.intText(x.Index)
	if !ok {
		return
	}
	t, ok := b.typeText(b.info.TypeOf(x.X))
	if !ok {
		return
	}
	from, to := b.u.Off(x.X.Pos()), b.u.Off(x.X.End())
	b.edits = append(b.edits, Edit{from, from, Runtime + ".IndexOf("}, Edit{to, to, fmt.Sprintf(", %s, %s).(%s)", it, b.at(x), t)})
}

// sliceOnce checks x[lo:hi:max] whose operand x is not pure, as indexOnce
// does x[i], with the helper's argument parts saying which of hi (1) and
// max (2) are written:
//
//	f()[lo:]  →  __rt.SliceOf(f(), lo, 0, 0, 0, 3, 7).(T)[lo:]
func (b *bounds) sliceOnce(x *ast.SliceExpr, k byte) {
	if k != 's' && k != 'c' {
		return // a slice of an array must be addressable: not a call's
	}
	args := make([]string, 3)
	parts := 0
	for i, e := range []ast.Expr{x.Low, x.High, x.Max} {
		args[i] = "0"
		if e == nil {
			continue
		}
		if !b.copyable(e) {
			return
		}
		it, ok := b.intText(e)
		if !ok {
			return
		}
		args[i] = it
		if i > 0 {
			parts |= i
		}
	}
	t, ok := b.typeText(b.info.TypeOf(x.X))
	if !ok {
		return
	}
	from, to := b.u.Off(x.X.Pos()), b.u.Off(x.X.End())
	b.edits = append(b.edits, Edit{from, from, Runtime + ".SliceOf("}, Edit{to, to, fmt.Sprintf(", %s, %d, %s).(%s)", strings.Join(args, ", "), parts, b.at(x), t)})
}

// typeText is t as the unit can write it: made of predeclared types and
// exported types of the packages it names (pkgNames); false otherwise (a
// type of a cell, of a package the unit does not name, with unexported
// fields, a type parameter).
func (b *bounds) typeText(t types.Type) (string, bool) {
	if !b.spellable(t, 0) {
		return "", false
	}
	return types.TypeString(t, func(p *types.Package) string { return b.pkgNames[p] }), true
}

func (b *bounds) spellable(t types.Type, depth int) bool {
	if depth > 10 {
		return false
	}
	elem := func(e types.Type) bool { return b.spellable(e, depth+1) }
	switch t := types.Unalias(t).(type) {
	case *types.Basic:
		return t.Info()&types.IsUntyped == 0 && t.Kind() != types.Invalid && t.Kind() != types.UnsafePointer
	case *types.Named:
		obj := t.Obj()
		if obj.Pkg() == nil {
			return obj.Name() == "error"
		}
		_, named := b.pkgNames[obj.Pkg()]
		return named && obj.Exported() && t.TypeArgs() == nil
	case *types.Slice:
		return elem(t.Elem())
	case *types.Array:
		return elem(t.Elem())
	case *types.Pointer:
		return elem(t.Elem())
	case *types.Map:
		return elem(t.Key()) && elem(t.Elem())
	case *types.Chan:
		return elem(t.Elem())
	case *types.Signature:
		if t.TypeParams() != nil {
			return false
		}
		for _, tup := range []*types.Tuple{t.Params(), t.Results()} {
			for i := 0; i < tup.Len(); i++ {
				if !elem(tup.At(i).Type()) {
					return false
				}
			}
		}
		return true
	case *types.Interface:
		return t.Empty()
	case *types.Struct:
		for i := 0; i < t.NumFields(); i++ {
			if f := t.Field(i); !f.Exported() || !elem(f.Type()) {
				return false
			}
		}
		return true
	}
	return false
}
