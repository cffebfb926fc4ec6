package rewrite

import (
	"fmt"
	"go/ast"
)

// In Go, a deferred call that panics does not stop the function's other
// deferred calls: they still run, and recover() in one of them returns the
// new panic. yaegi v0.16.1 runs a function's deferred calls in one loop
// inside a Go defer (interp/run.go, runCfg), so the first deferred call
// that panics ends the loop: the deferred calls after it never run, and
// the panic goes on to the caller.
//
// A function that may run a deferred function literal with another
// deferred call after it (a literal deferred by a defer statement after
// the first, or in a loop) gets a guard from the engine
// (kernel/deferguard.go): each such literal catches its own panic and hands
// it to the guard, which a call deferred first (so run last) panics with
// again unless a later deferred literal recovered it; recover() in any
// deferred literal of the function returns the caught panic first:
//
//	func f() {                    →  func f() { __nndc0, __nndt0, __nndr0 := __rt.DeferGuard(); defer func() { __nndr0() }();
//		defer func() {            →  	defer func() {
//			if r := recover()     →  		if r := __nndt0(recover())
//		defer mu.Unlock()         →  	defer mu.Unlock()
//		defer func() { … }()      →  	defer func() { defer func() { __nndc0(recover()) }(); … }()
//
// (recover() there is also the panics pass's __rt.Recover(recover()); the
// catching literal is created when the deferred literal returns, as
// yaegi's recover needs; the raising call is in a literal so that yaegi
// traces the panic through a frame of a literal of the function, which the
// engine places at the line of the panic.) The common shape — a recovering
// literal deferred first, then calls by name — gets no guard. A guarded
// literal with a guard of its own hands the panic its guard caught to the
// outer catch instead of panicking:
//
//	defer func() { __nndc1, _, __nndr1 := __rt.DeferGuard(__nndc0); defer func() { __nndr1() }(); defer func() { __nndc0(recover()) }(); …
//
// A function deferred by name or a method is called as written: a panic
// of its own (or of a deferred literal's unguarded deferred call) still
// stops the deferred calls after it, and its recover() does not see the
// panic of a deferred literal. Defers at a cell's top level are the engine's
// (kernel/celldefer.go), those queued by a range over a function the
// rangefunc pass's; both run every call already.

// Prefixes of the guard's functions, followed by the function's number in
// the unit: catch a deferred literal's panic, take it for recover, raise it
// again at the end.
const (
	guardCatch = "__nndc"
	guardTake  = "__nndt"
	guardRaise = "__nndr"
)

func deferGuardEdits(s Session, u *Unit) []Edit {
	if !hasDefer(u.File) || s.Declared("recover") {
		return nil
	}
	var edits []Edit
	outer := map[*ast.FuncLit]string{} // a guarded literal: the catch of its function
	n := 0
	ast.Inspect(u.File, func(node ast.Node) bool {
		var body *ast.BlockStmt
		from := ""
		switch f := node.(type) {
		case *ast.FuncDecl:
			body = f.Body
		case *ast.FuncLit:
			body, from = f.Body, outer[f]
		}
		if body == nil || u.Off(body.Lbrace) < 0 {
			return true
		}
		lits, catches := ownDefers(s, u, body)
		if len(catches) == 0 {
			return true
		}
		catch, take, raise := fmt.Sprint(guardCatch, n), fmt.Sprint(guardTake, n), fmt.Sprint(guardRaise, n)
		n++
		used := false
		for _, l := range catches {
			outer[l] = catch
			lb := u.Off(l.Body.Lbrace) + 1
			edits = append(edits, Edit{lb, lb, " defer func() { " + catch + "(recover()) }();"})
		}
		for _, l := range lits {
			for _, c := range recoverCalls(l) {
				if id := c.Fun.(*ast.Ident); id.Obj == nil {
					used = true
					from, to := u.Off(c.Pos()), u.Off(c.End())
					edits = append(edits, Edit{from, from, take + "("}, Edit{to, to, ")"})
				}
			}
		}
		if !used {
			take = "_"
		}
		// A guarded literal's guard comes before its catching defer (the
		// edit made later comes first), and hands a panic it caught to that
		// catch rather than panicking, which would end the function's
		// deferred calls.
		lb := u.Off(body.Lbrace) + 1
		edits = append(edits, Edit{lb, lb, fmt.Sprintf(" %s, %s, %s := %s.DeferGuard(%s); defer func() { %s() }();", catch, take, raise, Runtime, from, raise)})
		return true
	})
	return edits
}

// ownDefers returns the function literals that the body's own defer
// statements defer (not those of function literals inside it, nor those a
// range over a function queues), and those of them whose panic must be
// caught: all but the one of the first defer statement, when it is not in
// a loop (no deferred call runs after it).
func ownDefers(s Session, u *Unit, body *ast.BlockStmt) (lits, catches []*ast.FuncLit) {
	rf := &rfWalker{s: s, u: u}
	count := 0
	var walk func(n ast.Node, inLoop bool)
	walk = func(n ast.Node, inLoop bool) {
		ast.Inspect(n, func(m ast.Node) bool {
			switch m := m.(type) {
			case *ast.FuncLit:
				return false
			case *ast.ForStmt:
				for _, c := range []ast.Node{m.Init, m.Cond, m.Post} {
					if c != nil {
						walk(c, inLoop)
					}
				}
				walk(m.Body, true)
				return false
			case *ast.RangeStmt:
				walk(m.X, inLoop)
				if !(hasDefer(m.Body) && rf.isRangeFunc(nil, m)) {
					walk(m.Body, true)
				}
				return false
			case *ast.DeferStmt:
				count++
				if l, ok := m.Call.Fun.(*ast.FuncLit); ok {
					lits = append(lits, l)
					if count > 1 || inLoop {
						catches = append(catches, l)
					}
				}
				return false
			}
			return true
		})
	}
	walk(body, false)
	return lits, catches
}
