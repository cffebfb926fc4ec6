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
// panic as before.
//
// yaegi's trace of a panic names the first line of the function it
// happened in. A value passed to panic goes through a helper that keeps it
// with the position of the call (3, 5: line and column), so that the
// error of a panic nothing recovered names the line of the call:
//
//	panic(err)               →  panic(__rt.At(err, 3, 5))
// `defer recover()`, `go recover()` (which Go never lets stop a panic),
// deferred or go panics, and calls in a defer statement inside a range
// loop (which the pass rangefunc moves, and whose recover() it answers
// itself) stay as written, and so does every call in a cell that defines or
// uses the name recover or panic otherwise (Session.Builtin).

func panicsEdits(s Session, u *Unit) []Edit {
	rec, pan := s.Builtin("recover"), s.Builtin("panic")
	if !rec && !pan {
		return nil
	}
	var edits []Edit
	var inRange func(n ast.Node) bool
	visit := func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.RangeStmt:
			// The pass rangefunc moves a deferred call of a range-over-func
			// body, and reads the panic value itself for its recover().
			ast.Inspect(n.Body, inRange)
			return false
		case *ast.DeferStmt:
			if builtinCall(n.Call, "recover", 0) || builtinCall(n.Call, "panic", 1) {
				return false
			}
		case *ast.GoStmt:
			if builtinCall(n.Call, "recover", 0) || builtinCall(n.Call, "panic", 1) {
				return false
			}
		case *ast.CallExpr:
			from, to := u.Off(n.Pos()), u.Off(n.End())
			if from < 0 || to > len(u.Text) {
				return true
			}
			if rec && builtinCall(n, "recover", 0) {
				edits = append(edits, Edit{from, from, Runtime + ".Recover("}, Edit{to, to, ")"})
			}
			if pan && builtinCall(n, "panic", 1) && !n.Ellipsis.IsValid() {
				p := u.Tok.Position(n.Pos())
				a0, a1 := u.Off(n.Args[0].Pos()), u.Off(n.Args[0].End())
				edits = append(edits, Edit{a0, a0, Runtime + ".At("}, Edit{a1, a1, fmt.Sprintf(", %d, %d)", p.Line, p.Column)})
			}
		}
		return true
	}
	inRange = func(n ast.Node) bool {
		if _, ok := n.(*ast.DeferStmt); ok {
			return false
		}
		return visit(n)
	}
	ast.Inspect(u.File, visit)
	return edits
}

// builtinCall reports whether c calls name with n arguments.
func builtinCall(c *ast.CallExpr, name string, n int) bool {
	id, ok := c.Fun.(*ast.Ident)
	return ok && id.Name == name && len(c.Args) == n
}
