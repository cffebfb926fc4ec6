package rewrite

import (
	"fmt"
	"go/ast"
	"go/token"
	"strings"
)

// yaegi v0.16.1 predates Go 1.23's range over functions ("nil type"). A
// loop over an iterator whose types the code shows (itertype.go) becomes a
// call of the iterator with the body as the yield function, as the Go
// compiler rewrites it (cmd/compile/internal/rangefunc): a state variable
// per loop catches an iterator that calls yield again after the body
// returned false, after the loop ended or after the body panicked, with
// the runtime's own errors; break, continue, return and branches to labels
// outside the body set the shared variable next, return false, and are
// carried out after the call:
//
//	for x := range seq { if x > 2 { return x }; sum += x }
//	  →  { var __nnrfn1 int; var __nnrfr1_0 int; __nnrf1 := 0; seq(func(x int) bool {
//	       if __nnrf1 != 0 { __rt.RangePanic(__nnrf1) }; __nnrf1 = 2;
//	       { if x > 2 { { __nnrfn1 = -1; __nnrfr1_0 = x; __nnrf1 = 1; return false } }; sum += x }
//	       __nnrf1 = 0; return true }); if __nnrf1 == 2 { __rt.RangePanic(4) }; __nnrf1 = 3
//	       if __nnrfn1 == -1 { return __nnrfr1_0 } }
//
// The loop variables are the body's parameters, fresh in every iteration.
// A defer in the body belongs to the enclosing function: it is queued on a
// list that a function deferred before the loop runs, in reverse, where Go
// would run them (a queued call's function value is read when it runs, its
// arguments at the defer). A recover() in a queued function literal reads
// the panic that runner recovered; the runner panics again with it if none
// took it. A goto out of the body is carried out like a labeled break. At a
// cell's top level, outside any function, a return or defer in the body is
// left as written. A loop over an iterator whose types the code does not
// show is not rewritten; the engine names it.

// Names of the rewritten loops' variables; each is followed by the loop's
// number in the unit.
const (
	rfState  = "__nnrf"   // the loop's state: 0 ready, 1 done, 2 in the body, 3 ended
	rfNext   = "__nnrfn"  // what to do after the outermost loop's call
	rfResult = "__nnrfr"  // a result of the enclosing function, _0, _1, …
	rfParam  = "__nnrfp"  // a parameter of the body when the loop assigns variables
	rfArg    = "__nnrfa"  // an argument of a deferred call
	rfDefers = "__nnrfd"  // the enclosing function's queued defers, one list per loop
	rfGroup  = "__nnrfdg" // in the function running them: the list
	rfIndex  = "__nnrfdi" // and its index
	rfPanic  = "__nnrfpv" // the panic value the runner recovered, for the queued functions' recover()
)

// The states of a loop (Go's abi.RF_*, renumbered so a new loop is 0).
const (
	stateReady   = 0
	stateDone    = 1
	statePanic   = 2
	stateEnded   = 3
	stateMissing = 4 // for RangePanic: the iterator swallowed the body's panic
)

// Next codes: return with values, a bare return; branches get 1, 2, ….
const (
	nextReturn     = -1
	nextBareReturn = -2
)

func rangeFuncEdits(s Session, u *Unit) []Edit {
	w := &rfWalker{s: s, u: u}
	for _, d := range u.File.Decls {
		fd, ok := d.(*ast.FuncDecl)
		if !ok || fd.Body == nil {
			w.exprs(nil, nil, d)
			continue
		}
		// The wrapper around a cell's statements is not a function of the
		// cell: its body starts before the unit's text.
		top := u.Off(fd.Body.Pos()) < 0
		w.function(fd.Type, fd.Body, top)
	}
	return w.edits
}

// rfWalker walks function bodies and collects the edits.
type rfWalker struct {
	s     Session
	u     *Unit
	edits []Edit
	loops int // loops rewritten so far, to number them
}

// rfFunc is the function a walk is in.
type rfFunc struct {
	typ      *ast.FuncType
	body     *ast.BlockStmt
	top      bool // a cell's top level: no defer queue
	defers   bool // the queue is declared
	recovers bool // the recovered panic value is declared
}

// frame is a statement that break or continue can target, or a label goto
// targets.
type frame struct {
	label string
	loop  bool           // for or range: continue targets it
	rf    *rfLoop        // a rewritten range over a function
	body  *ast.BlockStmt // its body
}

// rfLoop is a range over a function being rewritten.
type rfLoop struct {
	n        int
	outer    *rfLoop        // the closest enclosing rewritten loop in the same function
	root     *rfLoop        // the outermost one, which owns next and the results
	usesNext bool           // root: next is declared
	results  bool           // root: the results are declared (a return with values)
	bare     bool           // root: a bare return
	returns  bool           // a return in the body leaves this loop
	defers   bool           // root: the body defers
	recovers bool           // root: a function the body defers calls recover
	exits    []exit         // branches leaving this loop
	codes    map[string]int // root: branch → next code
}

// exit is a branch from inside a loop to a statement outside it.
type exit struct {
	code   int
	target *frame
	tok    token.Token
	direct *rfLoop // the outermost loop it leaves, whose call is followed by the branch
}

func (w *rfWalker) add(from, to token.Pos, text string) {
	w.edits = append(w.edits, Edit{w.u.Off(from), w.u.Off(to), text})
}

func (w *rfWalker) function(typ *ast.FuncType, body *ast.BlockStmt, top bool) {
	fn := &rfFunc{typ: typ, body: body, top: top}
	w.stmts(fn, nil, body.List)
}

func (w *rfWalker) stmts(fn *rfFunc, stack []*frame, list []ast.Stmt) {
	for _, st := range list {
		w.stmt(fn, stack, st, "")
	}
}

// stmt walks one statement; label is the label it carries.
func (w *rfWalker) stmt(fn *rfFunc, stack []*frame, st ast.Stmt, label string) {
	switch st := st.(type) {
	case *ast.LabeledStmt:
		w.stmt(fn, stack, st.Stmt, st.Label.Name)
		if r, ok := st.Stmt.(*ast.RangeStmt); ok && w.isRangeFunc(fn, r) {
			// The label would be left unused: every branch to it is
			// rewritten.
			w.add(st.Label.Pos(), st.Colon+1, "")
		}
	case *ast.RangeStmt:
		if w.isRangeFunc(fn, st) {
			w.rangeFunc(fn, stack, st, label)
			return
		}
		w.exprs(fn, stack, st.X)
		w.block(fn, append(stack, &frame{label: label, loop: true}), st.Body)
	case *ast.ForStmt:
		w.exprs(fn, stack, st.Init, st.Cond, st.Post)
		w.block(fn, append(stack, &frame{label: label, loop: true}), st.Body)
	case *ast.SwitchStmt:
		w.exprs(fn, stack, st.Init, st.Tag)
		w.block(fn, append(stack, &frame{label: label}), st.Body)
	case *ast.TypeSwitchStmt:
		w.exprs(fn, stack, st.Init, st.Assign)
		w.block(fn, append(stack, &frame{label: label}), st.Body)
	case *ast.SelectStmt:
		w.block(fn, append(stack, &frame{label: label}), st.Body)
	case *ast.CaseClause:
		w.exprs(fn, stack, exprList(st.List)...)
		w.stmts(fn, stack, st.Body)
	case *ast.CommClause:
		w.exprs(fn, stack, st.Comm)
		w.stmts(fn, stack, st.Body)
	case *ast.BlockStmt:
		w.block(fn, stack, st)
	case *ast.IfStmt:
		w.exprs(fn, stack, st.Init, st.Cond)
		w.block(fn, stack, st.Body)
		if st.Else != nil {
			w.stmt(fn, stack, st.Else, "")
		}
	case *ast.BranchStmt:
		w.branch(fn, stack, st)
	case *ast.ReturnStmt:
		w.exprs(fn, stack, exprList(st.Results)...)
		w.ret(fn, stack, st)
	case *ast.DeferStmt:
		w.exprs(fn, stack, st.Call)
		w.deferStmt(fn, stack, st)
	default:
		w.exprs(fn, stack, st)
	}
}

func exprList(xs []ast.Expr) []ast.Node {
	out := make([]ast.Node, len(xs))
	for i, x := range xs {
		out[i] = x
	}
	return out
}

func (w *rfWalker) block(fn *rfFunc, stack []*frame, b *ast.BlockStmt) {
	if b != nil {
		w.stmts(fn, stack, b.List)
	}
}

// exprs walks the function literals inside nodes that are not statements
// of the function being walked: each is a function of its own.
func (w *rfWalker) exprs(_ *rfFunc, _ []*frame, nodes ...ast.Node) {
	for _, n := range nodes {
		if n == nil {
			continue
		}
		ast.Inspect(n, func(m ast.Node) bool {
			if fl, ok := m.(*ast.FuncLit); ok {
				w.function(fl.Type, fl.Body, false)
				return false
			}
			return true
		})
	}
}

// isRangeFunc reports whether r ranges over an iterator the pass rewrites.
func (w *rfWalker) isRangeFunc(fn *rfFunc, r *ast.RangeStmt) bool {
	params, ok := IterYield(w.s, r.X)
	if !ok {
		return false
	}
	vars := 0
	if r.Key != nil {
		vars = 1
	}
	if r.Value != nil {
		vars = 2
	}
	return vars <= len(params)
}

// innermostRF returns the closest rewritten loop on the stack.
func innermostRF(stack []*frame) *rfLoop {
	for i := len(stack) - 1; i >= 0; i-- {
		if stack[i].rf != nil {
			return stack[i].rf
		}
	}
	return nil
}

func (w *rfWalker) rangeFunc(fn *rfFunc, stack []*frame, r *ast.RangeStmt, label string) {
	params, _ := IterYield(w.s, r.X)
	w.loops++
	outer := innermostRF(stack)
	l := &rfLoop{n: w.loops, outer: outer}
	if outer != nil {
		l.root = outer.root
	} else {
		l.root = l
		l.codes = map[string]int{}
	}
	w.exprs(fn, stack, r.X)
	fr := &frame{label: label, loop: true, rf: l, body: r.Body}
	// The header and the tail are written after the body was walked: the
	// root's variables depend on what the body does.
	start := len(w.edits)
	w.block(fn, append(stack, fr), r.Body)
	state := fmt.Sprintf("%s%d", rfState, l.n)

	// The body function's parameters.
	vars := []ast.Expr{r.Key, r.Value}
	var ps []string
	var assign []string
	var assignTo []string
	for i, t := range params {
		v := vars[i]
		name := "_"
		if id, ok := v.(*ast.Ident); ok && r.Tok == token.DEFINE {
			name = id.Name
		} else if v != nil && r.Tok == token.ASSIGN && !isBlank(v) {
			name = fmt.Sprintf("%s%d_%d", rfParam, l.n, i)
			assign = append(assign, name)
			assignTo = append(assignTo, w.text(v))
		}
		ps = append(ps, name+" "+t)
	}
	var head strings.Builder
	head.WriteString("{ ")
	if l.root == l {
		if l.usesNext {
			fmt.Fprintf(&head, "var %s%d int; ", rfNext, l.n)
		}
		if l.results {
			for i, t := range resultTypes(fn.typ) {
				fmt.Fprintf(&head, "var %s%d_%d %s; ", rfResult, l.n, i, w.text(t))
			}
		}
		if l.defers {
			// The runner pops its list: yaegi makes a deferred function
			// literal when the function returns, so every runner reads the
			// variables' final values.
			recov, repanic := "", ""
			if l.recovers {
				// A deferred function queued in the body is not called by
				// the runtime, so its recover() reads the value the runner
				// recovered, and the runner panics again with it unless one
				// of them took it.
				recov = fmt.Sprintf("if %s := recover(); %s != nil { %s = []any{%s} }; ", rfIndex, rfIndex, rfPanic, rfIndex)
				repanic = fmt.Sprintf("; if len(%s) > 0 { %s := %s[0]; %s = nil; panic(%s) }", rfPanic, rfIndex, rfPanic, rfPanic, rfIndex)
			}
			fmt.Fprintf(&head, "%s = append(%s, nil); defer func() { %s%s := %s[len(%s)-1]; %s = %s[:len(%s)-1]; for %s := len(%s) - 1; %s >= 0; %s-- { %s[%s]() }%s }(); ",
				rfDefers, rfDefers, recov, rfGroup, rfDefers, rfDefers, rfDefers, rfDefers, rfDefers,
				rfIndex, rfGroup, rfIndex, rfIndex, rfGroup, rfIndex, repanic)
		}
	}
	// yaegi cannot call a declared function named in parentheses, so only
	// an operand that needs them gets them.
	lp, rp := "", ""
	switch r.X.(type) {
	case *ast.Ident, *ast.SelectorExpr, *ast.CallExpr, *ast.IndexExpr, *ast.IndexListExpr, *ast.ParenExpr:
	default:
		lp, rp = "(", ")"
	}
	fmt.Fprintf(&head, "%s := %d; %s", state, stateReady, lp)
	from := r.For
	headEdit := Edit{w.u.Off(from), w.u.Off(r.X.Pos()), head.String()}

	var open strings.Builder
	fmt.Fprintf(&open, "%s(func(%s) bool { if %s != %d { %s.RangePanic(%s) }; %s = %d; ",
		rp, strings.Join(ps, ", "), state, stateReady, Runtime, state, state, statePanic)
	if len(assign) > 0 {
		fmt.Fprintf(&open, "%s = %s; ", strings.Join(assignTo, ", "), strings.Join(assign, ", "))
	}
	openEdit := Edit{w.u.Off(r.X.End()), w.u.Off(r.Body.Lbrace), open.String()}

	var tail strings.Builder
	fmt.Fprintf(&tail, "}; %s = %d; return true }); if %s == %d { %s.RangePanic(%d) }; %s = %d",
		state, stateReady, state, statePanic, Runtime, stateMissing, state, stateEnded)
	w.dispatch(&tail, fn, l)
	tail.WriteString(" }")
	// The tail replaces the body's closing brace, so that it stays inside
	// what other passes insert after the statement (loopvar's `}()`).
	tailEdit := Edit{w.u.Off(r.Body.Rbrace), w.u.Off(r.Body.Rbrace) + 1, tail.String()}

	body := append([]Edit(nil), w.edits[start:]...)
	w.edits = append(append(w.edits[:start], headEdit, openEdit), body...)
	w.edits = append(w.edits, tailEdit)
}

// text returns the source of a node of the unit.
func (w *rfWalker) text(n ast.Node) string {
	return w.u.Text[w.u.Off(n.Pos()):w.u.Off(n.End())]
}

// resultTypes returns the result types of a function type, one per result.
func resultTypes(ft *ast.FuncType) []ast.Expr {
	var out []ast.Expr
	if ft == nil || ft.Results == nil {
		return nil
	}
	for _, f := range ft.Results.List {
		for range max(1, len(f.Names)) {
			out = append(out, f.Type)
		}
	}
	return out
}

// dispatch writes what follows the call of loop l: the branches and
// returns its body left it for.
func (w *rfWalker) dispatch(b *strings.Builder, fn *rfFunc, l *rfLoop) {
	next := fmt.Sprintf("%s%d", rfNext, l.root.n)
	propagate := l.returns
	for _, ex := range l.exits {
		if ex.direct != l {
			propagate = true
			continue
		}
		fmt.Fprintf(b, "; if %s == %d { %s = 0; %s }", next, ex.code, next, branchTo(ex.target, ex.tok))
	}
	if !propagate {
		return
	}
	if l.outer != nil {
		fmt.Fprintf(b, "; if %s != 0 { %s%d = %d; return false }", next, rfState, l.outer.n, stateDone)
		return
	}
	if l.results {
		var rs []string
		for i := range resultTypes(fn.typ) {
			rs = append(rs, fmt.Sprintf("%s%d_%d", rfResult, l.n, i))
		}
		fmt.Fprintf(b, "; if %s == %d { return %s }", next, nextReturn, strings.Join(rs, ", "))
	}
	if l.bare {
		fmt.Fprintf(b, "; if %s == %d { return }", next, nextBareReturn)
	}
}

// branchTo is the statement that branches to target from just outside a
// rewritten loop in its body or in a statement nested in target.
func branchTo(target *frame, tok token.Token) string {
	if target.rf != nil {
		if tok == token.CONTINUE {
			return fmt.Sprintf("%s%d = %d; return true", rfState, target.rf.n, stateReady)
		}
		return fmt.Sprintf("%s%d = %d; return false", rfState, target.rf.n, stateDone)
	}
	return tok.String() + " " + target.label
}

// branch rewrites a break, continue or goto that leaves a rewritten loop's
// body.
func (w *rfWalker) branch(fn *rfFunc, stack []*frame, st *ast.BranchStmt) {
	if st.Tok == token.GOTO && st.Label != nil {
		w.gotoStmt(fn, stack, st)
		return
	}
	if st.Tok != token.BREAK && st.Tok != token.CONTINUE {
		return
	}
	target := -1
	for i := len(stack) - 1; i >= 0; i-- {
		f := stack[i]
		if st.Label != nil && f.label == st.Label.Name || st.Label == nil && (st.Tok == token.BREAK || f.loop) {
			target = i
			break
		}
	}
	if target < 0 {
		return
	}
	if innermostRF(stack[target+1:]) == nil && stack[target].rf != nil {
		// The target is the rewritten loop whose body holds the branch.
		w.add(st.Pos(), st.End(), "{ "+branchTo(stack[target], st.Tok)+" }")
		return
	}
	w.leave(stack, target, stack[target], st)
}

// gotoStmt rewrites a goto to a label outside the rewritten loop's body
// that holds it.
func (w *rfWalker) gotoStmt(fn *rfFunc, stack []*frame, st *ast.BranchStmt) {
	var label *ast.LabeledStmt
	ast.Inspect(fn.body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.LabeledStmt:
			if n.Label.Name == st.Label.Name {
				label = n
			}
		}
		return label == nil
	})
	if label == nil {
		return
	}
	// The innermost rewritten loop whose body holds the label.
	at := -1
	for i := len(stack) - 1; i >= 0; i-- {
		if b := stack[i].body; stack[i].rf != nil && b.Pos() <= label.Pos() && label.End() <= b.End() {
			at = i
			break
		}
	}
	w.leave(stack, at, &frame{label: st.Label.Name}, st)
}

// leave rewrites the branch st to target, outside the rewritten loops of
// stack[from+1:] (none: left alone): each of them returns false after
// setting next, and the outermost carries the branch out after its call.
func (w *rfWalker) leave(stack []*frame, from int, target *frame, st *ast.BranchStmt) {
	in := innermostRF(stack[from+1:])
	if in == nil {
		return // no rewritten loop between the branch and its target
	}
	root := in.root
	root.usesNext = true
	key := fmt.Sprintf("%p %s", target, st.Tok)
	if st.Tok == token.GOTO {
		key = "goto " + target.label
	}
	code, ok := root.codes[key]
	if !ok {
		code = len(root.codes) + 1
		root.codes[key] = code
	}
	ex := exit{code: code, target: target, tok: st.Tok}
	for i := from + 1; i < len(stack); i++ {
		if l := stack[i].rf; l != nil {
			if ex.direct == nil {
				ex.direct = l
			}
			l.exits = appendExit(l.exits, ex)
		}
	}
	w.add(st.Pos(), st.End(), fmt.Sprintf("{ %s%d = %d; %s%d = %d; return false }", rfNext, root.n, code, rfState, in.n, stateDone))
}

func appendExit(xs []exit, x exit) []exit {
	for _, e := range xs {
		if e.code == x.code {
			return xs
		}
	}
	return append(xs, x)
}

// ret rewrites a return inside a rewritten loop's body.
func (w *rfWalker) ret(fn *rfFunc, stack []*frame, st *ast.ReturnStmt) {
	in := innermostRF(stack)
	if in == nil || fn.top {
		return
	}
	root := in.root
	root.usesNext = true
	for _, f := range stack {
		if f.rf != nil {
			f.rf.returns = true
		}
	}
	if len(st.Results) == 0 {
		root.bare = true
		w.add(st.Pos(), st.End(), fmt.Sprintf("{ %s%d = %d; %s%d = %d; return false }", rfNext, root.n, nextBareReturn, rfState, in.n, stateDone))
		return
	}
	var rs []string
	for i := range resultTypes(fn.typ) {
		rs = append(rs, fmt.Sprintf("%s%d_%d", rfResult, root.n, i))
	}
	if _, call := st.Results[0].(*ast.CallExpr); len(rs) == 0 || len(rs) != len(st.Results) && !(call && len(st.Results) == 1) {
		return // a wrong count of results: left for the compiler to name
	}
	root.results = true
	if len(st.Results) != len(rs) {
		// return f(), f returning every result
		w.add(st.Return, st.Results[0].Pos(), fmt.Sprintf("{ %s%d = %d; %s = ", rfNext, root.n, nextReturn, strings.Join(rs, ", ")))
		w.add(st.End(), st.End(), fmt.Sprintf("; %s%d = %d; return false }", rfState, in.n, stateDone))
		return
	}
	// Each result goes through a function returning the result's type, as
	// a return converts it: yaegi makes a cell value an error (or another
	// interface) with its methods only there. One assignment per result:
	// yaegi fails on `a, err = x, nil` ("reflect: New(nil)").
	types := resultTypes(fn.typ)
	conv := func(i int) string {
		return fmt.Sprintf("%s = func() %s { return ", rs[i], w.text(types[i]))
	}
	w.add(st.Return, st.Results[0].Pos(), fmt.Sprintf("{ %s%d = %d; %s", rfNext, root.n, nextReturn, conv(0)))
	for i := 1; i < len(st.Results); i++ {
		w.add(st.Results[i-1].End(), st.Results[i].Pos(), " }(); "+conv(i))
	}
	w.add(st.End(), st.End(), fmt.Sprintf(" }(); %s%d = %d; return false }", rfState, in.n, stateDone))
}

// deferStmt queues a defer of a rewritten loop's body on the enclosing
// function's list, its arguments evaluated now.
func (w *rfWalker) deferStmt(fn *rfFunc, stack []*frame, st *ast.DeferStmt) {
	in := innermostRF(stack)
	if in == nil || fn.top {
		return
	}
	in.root.defers = true
	if !fn.defers {
		fn.defers = true
		w.add(fn.body.Lbrace+1, fn.body.Lbrace+1, fmt.Sprintf(" var %s [][]func();", rfDefers))
	}
	call := st.Call
	if fl, ok := call.Fun.(*ast.FuncLit); ok && w.recoverEdits(fl) {
		in.root.recovers = true
		if !fn.recovers {
			fn.recovers = true
			w.add(fn.body.Lbrace+1, fn.body.Lbrace+1, fmt.Sprintf(" var %s []any;", rfPanic))
		}
	}
	// The call stays in place (other passes edit inside it); the arguments
	// that are not constants move to variables bound now.
	var temps, vals []string
	for _, a := range call.Args {
		if ConstExpr(a) {
			continue
		}
		t := fmt.Sprintf("%s%d_%d", rfArg, in.n, len(temps))
		temps = append(temps, t)
		vals = append(vals, w.take(a))
		w.add(a.Pos(), a.End(), t)
	}
	var b strings.Builder
	b.WriteString("{ ")
	if len(temps) > 0 {
		fmt.Fprintf(&b, "%s := %s; ", strings.Join(temps, ", "), strings.Join(vals, ", "))
	}
	last := fmt.Sprintf("%s[len(%s)-1]", rfDefers, rfDefers)
	fmt.Fprintf(&b, "%s = append(%s, func() { ", last, last)
	w.add(st.Defer, call.Pos(), b.String())
	w.add(call.End(), call.End(), " }) }")
}

// recoverEdits replaces the calls of recover in the body of a deferred
// function literal (not in literals inside it) with reading the panic value
// the runner recovered; it reports whether there were any.
func (w *rfWalker) recoverEdits(fl *ast.FuncLit) bool {
	if w.s.Declared("recover") {
		return false
	}
	// What the runner recovered is what recover() returned there; the
	// recover pass's helper makes it what Go's recover returns.
	take := rfPanic + "[0]"
	if w.s.Builtin("recover") {
		take = Runtime + ".Recover(" + take + ")"
	}
	found := false
	for _, c := range recoverCalls(fl) {
		if id := c.Fun.(*ast.Ident); id.Obj == nil {
			found = true
			w.add(c.Pos(), c.End(), fmt.Sprintf("func() (r any) { if len(%s) > 0 { r = %s; %s = nil }; return }()", rfPanic, take, rfPanic))
		}
	}
	return found
}

// take returns the source of n with the edits made inside it so far
// applied, and drops those edits: n's text moves into a new edit.
func (w *rfWalker) take(n ast.Node) string {
	from, to := w.u.Off(n.Pos()), w.u.Off(n.End())
	var inside, rest []Edit
	for _, ed := range w.edits {
		if ed.Off >= from && ed.End <= to {
			ed.Off, ed.End = ed.Off-from, ed.End-from
			inside = append(inside, ed)
		} else {
			rest = append(rest, ed)
		}
	}
	w.edits = rest
	return Apply(w.u.Text[from:to], inside)
}
