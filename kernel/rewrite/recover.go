package rewrite

import "go/ast"

// What recover returns.
//
// yaegi v0.16.1 panics with the reflect.Value that holds a value passed to
// panic, and recover returns that reflect.Value: `r.(error)` and
// `r.(string)` fail although fmt prints r as the value. Its run-time
// panics are reflect's and its own (reflect.ValueError for a nil pointer
// dereference, "L:C: interface conversion: …" for a failed type
// assertion), none of them a runtime.Error. Every call of the builtin goes
// through the engine's helper, which returns what Go's recover would
// (kernel/internal/runtime.Translate):
//
//	r := recover()           →  r := __rt.Recover(recover())
//	if recover() != nil {    →  if __rt.Recover(recover()) != nil {
//
// recover is still called by the deferred function itself, so it stops the
// panic as before. `defer recover()` and `go recover()` (which Go never lets
// stop a panic) stay as written, and so does every call in a cell that
// defines or uses the name recover otherwise (Session.Builtin). A call in a
// function literal deferred in the body of a range over a function is the
// rangefunc pass's: the runner it writes recovers the panic, and the call
// reads what the runner recovered through the same helper.

func recoverEdits(s Session, u *Unit) []Edit {
	if !s.Builtin("recover") {
		return nil
	}
	queued := map[*ast.CallExpr]bool{}
	walkDefers(s, u, u.File, func(ds *ast.DeferStmt, _, q bool) {
		if fl, ok := ds.Call.Fun.(*ast.FuncLit); ok && q {
			for _, c := range recoverCalls(fl) {
				queued[c] = true
			}
		}
	})
	var edits []Edit
	ast.Inspect(u.File, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.DeferStmt:
			if isRecoverCall(n.Call) {
				return false
			}
		case *ast.GoStmt:
			if isRecoverCall(n.Call) {
				return false
			}
		case *ast.CallExpr:
			if isRecoverCall(n) && !queued[n] {
				from, to := u.Off(n.Pos()), u.Off(n.End())
				if from >= 0 && to <= len(u.Text) {
					edits = append(edits, Edit{from, from, Runtime + ".Recover("}, Edit{to, to, ")"})
				}
			}
		}
		return true
	})
	return edits
}

// recoverCalls returns the calls of recover() in the body of fl, not in
// function literals inside it.
func recoverCalls(fl *ast.FuncLit) []*ast.CallExpr {
	var calls []*ast.CallExpr
	ast.Inspect(fl.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.CallExpr:
			if isRecoverCall(n) {
				calls = append(calls, n)
			}
		}
		return true
	})
	return calls
}

// isRecoverCall reports whether c is recover().
func isRecoverCall(c *ast.CallExpr) bool {
	id, ok := c.Fun.(*ast.Ident)
	return ok && id.Name == "recover" && len(c.Args) == 0
}
