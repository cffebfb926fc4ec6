package rewrite

import (
	"fmt"
	"go/ast"
)

// What panic records and recover returns.
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
// panic as before. In a function literal a cell defers at its top level
// (which the engine runs when the cell ends, kernel/celldefer.go), the
// helper is __rt.CellRecover, which returns the cell's panic, and stops it:
//
//	defer func() { fmt.Println(recover()) }()   (top level)
//	  →  __rt.Defer(func() { fmt.Println(__rt.CellRecover(recover())) })(1)
//
// yaegi's trace of a panic names the first line of the function it
// happened in. A value passed to panic goes through a helper that keeps it
// with the position of the call (3, 5: line and column), so that the
// error of a panic nothing recovered names the line of the call:
//
//	panic(err)               →  panic(__rt.At(err, 3, 5))
// `defer recover()`, `go recover()` (which Go never lets stop a panic) and
// deferred or go panics stay as written, and so does every call in a cell
// that defines or uses the name recover or panic otherwise
// (Session.Builtin). A call in a function literal deferred in the body of a
// range over a function is the rangefunc pass's: the runner it writes
// recovers the panic, and the call reads what the runner recovered through
// the same helper (a panic there keeps yaegi's position).

func panicsEdits(s Session, u *Unit) []Edit {
	rec, pan := s.Builtin("recover"), s.Builtin("panic")
	if !rec && !pan {
		return nil
	}
	queued := map[*ast.CallExpr]bool{}
	walkDefers(s, u, u.File, func(ds *ast.DeferStmt, _, q bool) {
		if fl, ok := ds.Call.Fun.(*ast.FuncLit); ok && q {
			ast.Inspect(fl.Body, func(n ast.Node) bool {
				if c, ok := n.(*ast.CallExpr); ok {
					queued[c] = true
				}
				return true
			})
		}
	})
	top := map[*ast.CallExpr]bool{} // recover() in a literal the cell defers at its top level
	if rec {
		for _, ds := range topDefers(u) {
			if fl, ok := ds.Call.Fun.(*ast.FuncLit); ok {
				for _, c := range recoverCalls(fl) {
					top[c] = true
				}
			}
		}
	}
	var edits []Edit
	ast.Inspect(u.File, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.DeferStmt:
			if isRecoverCall(n.Call) || builtinCall(n.Call, "panic", 1) {
				return false
			}
		case *ast.GoStmt:
			if isRecoverCall(n.Call) || builtinCall(n.Call, "panic", 1) {
				return false
			}
		case *ast.CallExpr:
			from, to := u.Off(n.Pos()), u.Off(n.End())
			if queued[n] || from < 0 || to > len(u.Text) {
				return true
			}
			if rec && isRecoverCall(n) {
				helper := ".Recover("
				if top[n] {
					helper = ".CellRecover("
				}
				edits = append(edits, Edit{from, from, Runtime + helper}, Edit{to, to, ")"})
			}
			if pan && builtinCall(n, "panic", 1) && !n.Ellipsis.IsValid() {
				p := u.Tok.Position(n.Pos())
				a0, a1 := u.Off(n.Args[0].Pos()), u.Off(n.Args[0].End())
				edits = append(edits, Edit{a0, a0, Runtime + ".At("}, Edit{a1, a1, fmt.Sprintf(", %d, %d)", p.Line, p.Column)})
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
func isRecoverCall(c *ast.CallExpr) bool { return builtinCall(c, "recover", 0) }

// builtinCall reports whether c calls name with n arguments.
func builtinCall(c *ast.CallExpr, name string, n int) bool {
	id, ok := c.Fun.(*ast.Ident)
	return ok && id.Name == name && len(c.Args) == n
}
