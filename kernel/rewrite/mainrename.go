package rewrite

import "go/ast"

// yaegi runs a package main's func main after every evaluation once a global
// named main exists: a cell declaring `func main()` would run it at once and
// again after every later cell. Cells' identifiers named main (not field,
// method or selector names) are therefore renamed to MainName everywhere;
// the engine's messages name it main again.
//
//	func main() { … }   →  func __nnmain() { … }
//	main()              →  __nnmain()

func mainEdits(_ Session, u *Unit) []Edit {
	skip := NonReferences(u.File, func(d *ast.FuncDecl) bool {
		return d.Recv != nil || d.Name.Name == "main" && d.Body == nil
	})
	var edits []Edit
	ast.Inspect(u.File, func(n ast.Node) bool {
		id, ok := n.(*ast.Ident)
		if !ok || skip[id] || id.Name != "main" {
			return true
		}
		off := u.Off(id.Pos())
		if off < 0 {
			return true // the wrapper's own func main
		}
		edits = append(edits, Edit{off, off + len(id.Name), MainName})
		return true
	})
	return edits
}
