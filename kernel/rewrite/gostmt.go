package rewrite

import (
	"fmt"
	"go/ast"
	"go/types"
	"strconv"
)

// A go statement of a cell runs through the engine's helper __rt.Go, which
// counts the goroutine (the engine waits for it before compiling more code),
// recovers a panic in it, so that it ends the cell as it ends a Go program
// instead of killing the process (kernel/gopanic.go), and names it in an interrupt's reply when it cannot be stopped.
// __rt.Go evaluates the function and its arguments and returns the function
// that starts the goroutine, called with the statement's label (last, so the
// columns of the statement's code do not move):
//
//	go f(a, b)          →  __rt.Go(f, a, b)("`go f(…)` at line 1")
//	go f(xs...)         →  __rt.Go(func() { f(xs...) })("`go f(…)` at line 1")
//	go close(c)         →  __rt.Go(func() { close(c) })("`go close(…)` at line 1")
//	go func() { … }()   →  { __nngo := func() func() { return func() { … } }(); __rt.Go(__nngo)("`go func(){…}()` at line 1") }
//
// Inside a function (or a top-level statement the loopvar pass runs inside
// a function literal), a function literal is bound to a variable first (at
// a cell's top level yaegi cannot define variables in blocks): yaegi makes a closure
// passed straight to a compiled function read its captured variables when
// it runs, not when it was made, so goroutines started in a loop would all
// see the last iteration's variables. The literal is made by a function
// called for it: yaegi keeps a literal's closure in a slot of the frame
// that made it and, when a call of that closure returns, writes back the
// slot's value from when it was made (run.go, getFunc), so a goroutine of
// the previous iteration ending just then handed the statement the closure
// of the iteration before, or nil (mutex_counter in cells panicked, rarely,
// with a nil dereference; `go test -race` shows the write). A frame of its
// own per statement leaves nothing to overwrite.

func goStmtEdits(s Session, u *Unit) []Edit {
	inFunc := map[*ast.GoStmt]bool{} // go statements inside a function body
	bodies := []ast.Node{}
	for _, body := range funcBodies(u) {
		bodies = append(bodies, body)
	}
	for _, st := range topLoops(u) { // run inside a function literal (loopvar)
		bodies = append(bodies, st)
	}
	for _, body := range bodies {
		ast.Inspect(body, func(m ast.Node) bool {
			if g, ok := m.(*ast.GoStmt); ok {
				inFunc[g] = true
			}
			return true
		})
	}
	var edits []Edit
	ast.Inspect(u.File, func(n ast.Node) bool {
		g, ok := n.(*ast.GoStmt)
		if !ok {
			return true
		}
		goOff := u.Off(g.Go)
		call := g.Call
		funOff := u.Off(call.Fun.Pos())
		end := u.Off(call.End())
		label := "(" + strconv.Quote(goLabel(g, u)) + ")"
		if call.Ellipsis.IsValid() || IsBuiltin(call.Fun) && !printHelper(s, call.Fun) {
			edits = append(edits,
				Edit{goOff, funOff, Runtime + ".Go(func() { "},
				Edit{end, end, " })" + label})
			return true
		}
		lp := u.Off(call.Lparen)
		repl := ""
		if len(call.Args) > 0 {
			repl = ", "
		}
		if lit, ok := call.Fun.(*ast.FuncLit); ok && inFunc[g] {
			typ := u.Text[u.Off(lit.Type.Pos()):u.Off(lit.Type.End())]
			edits = append(edits,
				Edit{goOff, funOff, "{ __nngo := func() " + typ + " { return "},
				Edit{lp, lp + 1, " }(); " + Runtime + ".Go(__nngo" + repl},
				Edit{end, end, label + " }"})
			return true
		}
		edits = append(edits,
			Edit{goOff, funOff, Runtime + ".Go("},
			Edit{lp, lp + 1, repl},
			Edit{end, end, label})
		return true
	})
	return edits
}

// goLabel names a go statement for messages: "`go worker(…)` at line 2".
// Line 1 of a unit's parsed source is the engine's wrapper.
func goLabel(g *ast.GoStmt, u *Unit) string {
	fun := "func(){…}"
	if _, lit := g.Call.Fun.(*ast.FuncLit); !lit {
		fun = types.ExprString(g.Call.Fun)
	}
	args := ""
	if len(g.Call.Args) > 0 {
		args = "…"
	}
	return fmt.Sprintf("`go %s(%s)` at line %d", fun, args, u.Tok.Line(g.Go)-1)
}
