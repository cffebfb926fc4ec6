package rewrite

import "go/ast"

// The builtins print and println write to standard error in Go (`go run`
// shows them on stderr), formatted by the runtime: no spaces between
// print's operands, floats in their shortest form (as
// strconv.FormatFloat(x, 'g', -1, 64): println(1.5) prints 1.5 with the
// Go 1.26 toolchain, where older releases printed +1.500000e+000),
// pointers, maps, channels and functions as their address in hex, a
// slice as [len/cap]address, and a named type as its underlying value
// (never through its String method). yaegi's print and println
// write to the interpreter's standard output through fmt's %v, which
// calls String methods and prints slices and maps element by element. So
// their calls go to the engine's helpers, which print as the runtime does
// on the cell's stderr stream:
//
//	println("x", x)  →  __rt.Println("x", x)
//	print(a, b)      →  __rt.Print(a, b)
//
// The helpers get their operands as interface values: an operand of an
// interface type prints as its dynamic value, where Go prints the pair of
// the interface's words, "(0x…,0x…)". A cell (or the session) that defines
// or uses one of the names otherwise keeps it as written (Session.Builtin).
// Their calls in defer and go statements have their arguments bound when
// the statement runs, as for any function (printHelper).

func printStderrEdits(s Session, u *Unit) []Edit {
	if !s.Builtin("print") && !s.Builtin("println") {
		return nil
	}
	// The pass deferbind writes the helper into the defer statements of
	// function bodies itself, as it moves their function behind the bound
	// arguments.
	deferred := map[*ast.CallExpr]bool{}
	for _, body := range funcBodies(u) {
		ast.Inspect(body, func(n ast.Node) bool {
			if ds, ok := n.(*ast.DeferStmt); ok {
				deferred[ds.Call] = true
			}
			return true
		})
	}
	var edits []Edit
	ast.Inspect(u.File, func(n ast.Node) bool {
		c, ok := n.(*ast.CallExpr)
		if !ok || c.Ellipsis.IsValid() || deferred[c] || !printHelper(s, c.Fun) {
			return true
		}
		edits = append(edits, Edit{u.Off(c.Fun.Pos()), u.Off(c.Fun.End()), printHelpers[c.Fun.(*ast.Ident).Name]})
		return true
	})
	return edits
}

// printHelpers names the helper of each builtin.
var printHelpers = map[string]string{"print": Runtime + ".Print", "println": Runtime + ".Println"}

// printHelper reports whether fun is print or println called as the
// builtin that this pass turns into a helper: a function whose arguments a
// defer or go statement binds at once, as for any function (passes
// deferbind and gostmt), where yaegi's builtins bind them themselves.
func printHelper(s Session, fun ast.Expr) bool {
	id, ok := fun.(*ast.Ident)
	return ok && (id.Name == "print" || id.Name == "println") && s.Builtin(id.Name)
}
