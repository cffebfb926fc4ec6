package rewrite

import "go/ast"

// yaegi v0.16.1 keeps only the last field of a struct value it wraps as an
// error, so a type assertion of an error to a struct type of the cell
// (err.(Invalid)) fails, and one to a pointer type succeeds only by chance
// of how the error was made. A type assertion of a value the code shows is
// an error asserts on the value made whole by the engine's helper
// (errorconv.go, cellerr.Whole). Type switches are typeswitch.go's.
//
//	inv, ok := err.(Invalid)   →  inv, ok := __rt.ErrorValue(err).(Invalid)

func errorAssertEdits(s Session, u *Unit) []Edit {
	var edits []Edit
	inspectErrors(s, u, func(n ast.Node) bool {
		ta, ok := n.(*ast.TypeAssertExpr)
		if !ok || ta.Type == nil || !isPredeclared(s, typeOf(s, ta.X, 0), "error") {
			return true
		}
		edits = append(edits,
			Edit{u.Off(ta.X.Pos()), u.Off(ta.X.Pos()), ErrorValue + "("},
			Edit{u.Off(ta.X.End()), u.Off(ta.X.End()), ")"})
		return true
	})
	return edits
}
