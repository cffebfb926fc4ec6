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
	skip := map[*ast.Ident]bool{}
	ast.Inspect(f, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.SelectorExpr:
			skip[n.Sel] = true
		case *ast.Field:
			for _, id := range n.Names {
				skip[id] = true
			}
		case *ast.KeyValueExpr:
			if id, ok := n.Key.(*ast.Ident); ok {
				skip[id] = true
			}
		case *ast.FuncDecl:
			if n.Recv != nil || n.Name.Name == "main" && n.Body == nil {
				skip[n.Name] = true
			}
		}
		return true
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
