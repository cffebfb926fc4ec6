package rewrite

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/parser"
	"go/token"
	"go/types"
	"strings"
)

// Integer division, assignment to a map and pointer dereference.
//
// yaegi v0.16.1 names, for a run-time panic inside a function, the line of
// the function's first statement: its trace records the node a function
// started at, not the one that failed. An integer division by zero, an
// assignment to an entry of a nil map and a dereference of a nil pointer
// raise Go's own runtime errors there, but the error names the wrong line.
// Such an operation whose operand the unit's types show (an integer
// divisor that is not a constant, a map, a pointer to a struct; with the
// declarations of the types earlier cells declared, Session.TypeDecl) is checked
// before its statement, as the bounds pass checks indexes, and only a
// failing check calls the engine's helper, which panics with Go's runtime
// error and keeps the position (3, 7: the expression's line and column):
//
//	q := a / b     →  if b == 0 { __rt.DivideZero(3, 7) }; q := a / b
//	m[k] = v       →  if m == nil { __rt.NilMap(3, 1) }; m[k] = v
//	p.n++          →  if p == nil { __rt.NilDeref(3, 1) }; p.n++
//	if n%d == 0 {  →  if d == 0 { __rt.DivideZero(3, 4) }; if n%d == 0 {
//
// The statements checked are those of the bounds pass, and also an if
// statement without an init (for its condition; an else branch is checked
// inside, not before), a var declaration and the statements of a function
// literal a go statement calls (the gostmt pass edits around its body).
// The operand must be written twice, so it is a name, field, literal or
// index of variables the unit can see (copyable). Go makes every call of a
// statement before it divides or dereferences (but those the operation is
// an argument of), and assigns after the right-hand side, so an operation
// a call comes before (x := f() / d, m[k] = f()) is not checked: the
// call's output must come before the panic. Elsewhere (a for loop's
// condition, an else if, the right operand of && and ||, a go or defer
// statement's call, a deferred function literal, which the deferbind and
// rangefunc passes rewrite) the operation stays as written and its panic
// names the function's first line.
//
// Not checked either: a divisor that is a constant or the variable of a
// loop counting up from a constant ≥ 1 that the body does not assign; a
// pointer the function defines as &T{…} or new(T) and never assigns again;
// an operand checked already in the statement, or before an earlier
// statement of the same block when it is a local variable that the
// statements since did not assign (and no function can).
//
// A check is a comparison yaegi evaluates in the function, made only once
// for a variable several statements of a block divide by: the loop of
// kernel's BenchmarkDivisionLoop (two divisions by a variable an iteration)
// takes about 1.1 times as long as without the pass.
//
// The checks of one statement come in the order Go evaluates the
// operations (a dereference before the field it reaches, a division before
// the assignment its result goes to), before those of the bounds pass for
// the same statement.

func faultEdits(s Session, u *Unit) []Edit {
	if !hasFault(u.File) {
		return nil
	}
	var extra []string
	if decls := cellTypeDecls(s, u); decls != "" {
		extra = append(extra, decls)
	}
	b := newBounds(s, u, mayFault, extra...)
	b.conds = true
	f := &faults{b: b, done: map[string]ast.Stmt{}, in: blockPlaces(u.File)}
	b.visit = f.visit
	b.shared = sharedVars(b.info, b.pkg, u.File)
	f.nonNil = definedNonNil(b.info, u.File, b.shared)
	b.walk(u.File)
	return b.edits
}

// cellTypeDecls returns a file of package main declaring the types of
// earlier cells the unit names, and those their declarations name, or "".
func cellTypeDecls(s Session, u *Unit) string {
	var b strings.Builder
	seen := map[string]bool{}
	var queue []string
	for _, id := range u.File.Unresolved {
		queue = append(queue, id.Name)
	}
	for len(queue) > 0 && len(seen) < 100 {
		name := queue[0]
		queue = queue[1:]
		if seen[name] || u.File.Scope.Lookup(name) != nil {
			continue
		}
		seen[name] = true
		d := s.TypeDecl(name)
		if d == "" {
			continue
		}
		f, err := parser.ParseFile(token.NewFileSet(), "", "package main\ntype "+d, 0)
		if err != nil {
			continue
		}
		b.WriteString("type " + d + "\n")
		for _, id := range f.Unresolved {
			queue = append(queue, id.Name)
		}
	}
	if b.Len() == 0 {
		return ""
	}
	return "package main\n" + b.String()
}

// hasFault reports whether n has an operation the pass may check.
func hasFault(n ast.Node) bool {
	found := false
	ast.Inspect(n, func(m ast.Node) bool {
		found = found || m != nil && mayFault(m)
		return !found
	})
	return found
}

// mayFault reports, from the syntax alone, whether n may be an operation
// the pass checks: a division by something other than a literal, an
// assignment or increment of an index expression, a selector of something
// the unit declares (not a package), a star expression.
func mayFault(n ast.Node) bool {
	switch n := n.(type) {
	case *ast.BinaryExpr:
		_, lit := ast.Unparen(n.Y).(*ast.BasicLit)
		return (n.Op == token.QUO || n.Op == token.REM) && !lit
	case *ast.AssignStmt:
		if n.Tok == token.QUO_ASSIGN || n.Tok == token.REM_ASSIGN {
			return true
		}
		for _, l := range n.Lhs {
			if _, ok := ast.Unparen(l).(*ast.IndexExpr); ok {
				return true
			}
		}
	case *ast.IncDecStmt:
		_, ok := ast.Unparen(n.X).(*ast.IndexExpr)
		return ok
	case *ast.SelectorExpr:
		id, ok := n.X.(*ast.Ident)
		return !ok || id.Obj != nil
	case *ast.StarExpr:
		return true
	}
	return false
}

// faults is one run of the pass: the bounds walk with its own checks.
type faults struct {
	b      *bounds
	done   map[string]ast.Stmt   // each check made, with its statement
	nonNil map[types.Object]bool // pointers that are never nil (definedNonNil)
	in     map[ast.Stmt]place    // where each statement of a block is
}

// place is where a statement is: its list of statements and index there.
type place struct {
	list []ast.Stmt
	i    int
}

// blockPlaces returns the place of every statement of a statement list
// (a block, a case or select clause).
func blockPlaces(f *ast.File) map[ast.Stmt]place {
	in := map[ast.Stmt]place{}
	ast.Inspect(f, func(n ast.Node) bool {
		var list []ast.Stmt
		switch n := n.(type) {
		case *ast.BlockStmt:
			list = n.List
		case *ast.CaseClause:
			list = n.Body
		case *ast.CommClause:
			list = n.Body
		}
		for i, st := range list {
			in[st] = place{list, i}
		}
		return true
	})
	return in
}

// checkedBefore reports whether the check cond of x was made before an
// earlier statement of the same list, and x cannot have changed since: x
// is a local variable that nothing but its statements can change (not
// shared), none of the statements from that one to this assigns it, and
// none of them is labeled (a goto could skip the check).
func (f *faults) checkedBefore(cond string, x ast.Expr) bool {
	prev, ok := f.done[cond]
	id, isID := ast.Unparen(x).(*ast.Ident)
	if !ok || !isID || !f.b.unshared(x) {
		return false
	}
	p, q := f.in[prev], f.in[f.b.stmt]
	if p.list == nil || q.list == nil || &p.list[0] != &q.list[0] || p.i >= q.i {
		return false
	}
	o := f.b.info.Uses[id]
	for _, st := range q.list[p.i:q.i] {
		if _, labeled := st.(*ast.LabeledStmt); labeled || changes(f.b.info, &ast.BlockStmt{List: []ast.Stmt{st}}, o) {
			return false
		}
	}
	if _, labeled := f.b.stmt.(*ast.LabeledStmt); labeled {
		return false
	}
	return true
}

// visit checks n when it is a division, an assignment to a map or a
// dereference.
func (f *faults) visit(n ast.Node) {
	info := f.b.info
	switch n := n.(type) {
	case *ast.BinaryExpr:
		if n.Op == token.QUO || n.Op == token.REM {
			f.divisor(n, n.Y, info.TypeOf(n), n.Pos(), n.End())
		}
	case *ast.AssignStmt:
		if (n.Tok == token.QUO_ASSIGN || n.Tok == token.REM_ASSIGN) && len(n.Lhs) == 1 && len(n.Rhs) == 1 {
			f.divisor(n, n.Rhs[0], info.TypeOf(n.Lhs[0]), n.Pos(), n.End())
		}
		if n.Tok != token.DEFINE {
			for _, l := range n.Lhs {
				f.mapAssign(n, l, n.End()+1) // after what ends with the statement
			}
		}
	case *ast.IncDecStmt:
		f.mapAssign(n, n.X, n.End()+1)
	case *ast.SelectorExpr:
		if sel, ok := info.Selections[n]; ok && sel.Kind() == types.FieldVal && isPointer(info.TypeOf(n.X)) {
			f.check(n, n.X, "nil", "NilDeref", n.Pos(), n.X.End())
		}
	case *ast.StarExpr:
		if tv, ok := info.Types[n]; ok && tv.IsValue() && isPointer(info.TypeOf(n.X)) {
			f.check(n, n.X, "nil", "NilDeref", n.Pos(), n.X.End())
		}
	}
}

// divisor checks the divisor y of the integer division op of type t at
// at, unless it is a constant or a positive loop variable.
func (f *faults) divisor(op ast.Node, y ast.Expr, t types.Type, at, order token.Pos) {
	if t == nil {
		return
	}
	bt, ok := t.Underlying().(*types.Basic)
	if _, param := t.(*types.TypeParam); param || !ok || bt.Info()&types.IsInteger == 0 {
		return
	}
	if tv := f.b.info.Types[y]; tv.Value != nil || f.positive(y) {
		return
	}
	f.check(op, y, "0", "DivideZero", at, order)
}

// mapAssign checks the map of l, assigned by op, when l is an index
// expression of a map.
func (f *faults) mapAssign(op ast.Node, l ast.Expr, order token.Pos) {
	ix, ok := ast.Unparen(l).(*ast.IndexExpr)
	if !ok {
		return
	}
	if t := f.b.info.TypeOf(ix.X); t != nil {
		if _, isMap := t.Underlying().(*types.Map); isMap {
			f.check(op, ix.X, "nil", "NilMap", ix.Pos(), order)
		}
	}
}

// check writes `if x == zero { __rt.helper(line, col) }; ` before the
// statement, for the operation op, when x can be read there with the value
// it has where op reads it and op would fail before any call of the
// statement runs. order places the check among the statement's others.
func (f *faults) check(op ast.Node, x ast.Expr, zero, helper string, at, order token.Pos) {
	b := f.b
	if b.stmt == nil || !b.copyable(x) || f.indexes(x) {
		return
	}
	if id, isID := ast.Unparen(x).(*ast.Ident); isID && f.nonNil[b.info.Uses[id]] && zero == "nil" {
		return
	}
	if b.stmtCalls && f.callsBefore(op) {
		return
	}
	cond := fmt.Sprintf("%s == %s", b.text(x), zero)
	if f.done[cond] == b.stmt || f.checkedBefore(cond, x) {
		return
	}
	f.done[cond] = b.stmt
	p := b.u.Tok.Position(at)
	b.pre = append(b.pre, preCheck{b.u.Off(order), fmt.Sprintf("if %s { %s.%s(%d, %d) }; ", cond, Runtime, helper, p.Line, p.Column)})
}

// indexes reports whether x indexes or slices anything but a map: read
// before the statement, it would fail before the bounds pass's check of
// the index, with yaegi's message.
func (f *faults) indexes(x ast.Expr) bool {
	found := false
	ast.Inspect(x, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.IndexExpr:
			t := f.b.info.TypeOf(n.X)
			_, isMap := t.(*types.Map)
			if t != nil {
				_, isMap = t.Underlying().(*types.Map)
			}
			found = found || !isMap
		case *ast.SliceExpr:
			found = true
		}
		return !found
	})
	return found
}

// callsBefore reports whether the statement calls a function that Go runs
// before op: any call but those whose arguments hold op (the compiler
// makes the calls of an expression before its other operations, and an
// assignment after the right-hand side).
func (f *faults) callsBefore(op ast.Node) bool {
	found := false
	ast.Inspect(head(f.b.stmt), func(n ast.Node) bool {
		c, ok := n.(*ast.CallExpr)
		if !ok || found {
			return !found
		}
		if c.Pos() <= op.Pos() && op.End() <= c.End() && op != ast.Node(c) {
			return true // op is in its arguments
		}
		found = f.b.isCall(c)
		return !found
	})
	return found
}

// positive reports whether x is the variable of an enclosing loop counting
// up from a constant ≥ 1, which the body does not assign.
func (f *faults) positive(x ast.Expr) bool {
	id, ok := ast.Unparen(x).(*ast.Ident)
	if !ok {
		return false
	}
	o := f.b.info.Uses[id]
	for _, l := range f.b.loops {
		fl, ok := l.(*ast.ForStmt)
		if !ok {
			continue
		}
		key, ok := upLoop(f.b.info, fl)
		if !ok || f.b.info.Defs[key.(*ast.Ident)] != o || o == nil {
			continue
		}
		start := f.b.info.Types[fl.Init.(*ast.AssignStmt).Rhs[0]].Value
		return constant.Compare(start, token.GEQ, constant.MakeInt64(1)) && !changes(f.b.info, fl.Body, o)
	}
	return false
}

// isPointer reports whether t is a pointer type.
func isPointer(t types.Type) bool {
	if t == nil {
		return false
	}
	if _, param := t.(*types.TypeParam); param {
		return false
	}
	_, ok := t.Underlying().(*types.Pointer)
	return ok
}

// definedNonNil returns the local variables defined as &T{…} or new(T)
// that nothing assigns again (nor can: not shared).
func definedNonNil(info *types.Info, f *ast.File, shared map[types.Object]bool) map[types.Object]bool {
	nonNil := map[types.Object]bool{}
	assigned := map[types.Object]int{}
	ast.Inspect(f, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			for i, l := range n.Lhs {
				id, ok := ast.Unparen(l).(*ast.Ident)
				if !ok {
					continue
				}
				o := info.Defs[id]
				if o == nil {
					o = info.Uses[id]
				}
				if o == nil {
					continue
				}
				assigned[o]++
				if n.Tok == token.DEFINE && len(n.Lhs) == len(n.Rhs) && info.Defs[id] != nil && makesPointer(info, n.Rhs[i]) {
					nonNil[o] = true
				}
			}
		case *ast.RangeStmt:
			for _, x := range []ast.Expr{n.Key, n.Value} {
				if id, ok := x.(*ast.Ident); ok {
					if o := info.Uses[id]; o != nil {
						assigned[o]++
					}
				}
			}
		}
		return true
	})
	for o := range nonNil {
		if assigned[o] != 1 || shared[o] {
			delete(nonNil, o)
		}
	}
	return nonNil
}

// makesPointer reports whether x is &T{…} or new(T).
func makesPointer(info *types.Info, x ast.Expr) bool {
	switch x := ast.Unparen(x).(type) {
	case *ast.UnaryExpr:
		_, lit := ast.Unparen(x.X).(*ast.CompositeLit)
		return x.Op == token.AND && lit
	case *ast.CallExpr:
		id, ok := x.Fun.(*ast.Ident)
		if !ok {
			return false
		}
		_, builtin := info.Uses[id].(*types.Builtin)
		return builtin && id.Name == "new"
	}
	return false
}
