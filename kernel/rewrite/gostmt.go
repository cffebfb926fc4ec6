package rewrite

import "go/ast"

// A go statement of a cell runs through the engine's helper __rt.Go, which
// counts the goroutine (the engine waits for it before compiling more code)
// and recovers a panic in it, reporting it on stderr instead of killing the
// process:
//
//	go f(a, b)          →  __rt.Go(f, a, b)
//	go f(xs...)         →  __rt.Go(func() { f(xs...) })
//	go close(c)         →  __rt.Go(func() { close(c) })
//	go func() { … }()   →  { __nngo := func() { … }; __rt.Go(__nngo) }
//
// Inside a function, a function literal is bound to a variable first (at a
// cell's top level yaegi cannot define variables in blocks): yaegi makes a closure
// passed straight to a compiled function read its captured variables when
// it runs, not when it was made, so goroutines started in a loop would all
// see the last iteration's variables.

func goStmtEdits(_ Session, u *Unit) []Edit {
	inFunc := map[*ast.GoStmt]bool{} // go statements inside a function body
	for _, body := range funcBodies(u) {
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
		if call.Ellipsis.IsValid() || IsBuiltin(call.Fun) {
			end := u.Off(call.End())
			edits = append(edits,
				Edit{goOff, funOff, Runtime + ".Go(func() { "},
				Edit{end, end, " })"})
			return true
		}
		lp := u.Off(call.Lparen)
		repl := ""
		if len(call.Args) > 0 {
			repl = ", "
		}
		if _, ok := call.Fun.(*ast.FuncLit); ok && inFunc[g] {
			end := u.Off(call.End())
			edits = append(edits,
				Edit{goOff, funOff, "{ __nngo := "},
				Edit{lp, lp + 1, "; " + Runtime + ".Go(__nngo" + repl},
				Edit{end, end, " }"})
			return true
		}
		edits = append(edits,
			Edit{goOff, funOff, Runtime + ".Go("},
			Edit{lp, lp + 1, repl})
		return true
	})
	return edits
}
