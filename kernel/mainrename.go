package kernel

import (
	"go/ast"
	"go/token"
)

// yaegi runs a package main's func main after every evaluation once a global
// named main exists: a cell declaring `func main()` would run it at once and
// again after every later cell. Cells' identifiers named main (not field,
// method or selector names) are therefore renamed to mainName everywhere;
// messages name it main again (unversion).

const mainName = "__nnmain"

// mainEdits renames the identifiers main of f to mainName.
func mainEdits(f *ast.File, file *token.File, base int) []edit {
	skip := nonReferences(f, func(d *ast.FuncDecl) bool {
		return d.Recv != nil || d.Name.Name == "main" && d.Body == nil
	})
	var edits []edit
	ast.Inspect(f, func(n ast.Node) bool {
		id, ok := n.(*ast.Ident)
		if !ok || skip[id] || id.Name != "main" {
			return true
		}
		off := file.Offset(id.Pos()) - base
		if off < 0 {
			return true // the wrapper's own func main
		}
		edits = append(edits, edit{off, off + len(id.Name), mainName})
		return true
	})
	return edits
}
