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

func goStmtEdits(_ Session, u *Unit) []Edit {
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
		edits = append(edits,
			Edit{goOff, funOff, Runtime + ".Go("},
			Edit{lp, lp + 1, repl})
		return true
	})
	return edits
}
