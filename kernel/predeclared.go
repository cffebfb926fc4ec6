package kernel

import (
	"go/ast"
	"go/token"
)

// Predeclared type names declared again.
//
// Go lets a package declare its own float64 (`type float64 int`, `var
// float64 = 2.5`): the predeclared type is then hidden by name, and untyped
// constants still default to the predeclared types. yaegi v0.16.1 looks the
// default types up by name in the session's scope, so after such a
// declaration `z := 1.5` fails ("3/2 truncated to int"), `var a any = 3.0`
// holds an int, and a var float64 crashes its compiler. A cell that
// declares one of these names at its top level therefore stops with a
// compile error naming the limitation; inside functions the names may be
// used freely.

// defaultTypes are the predeclared types yaegi resolves by name: the
// default types of untyped constants and the types they are spelled with.
var defaultTypes = map[string]bool{
	"bool": true, "byte": true, "complex64": true, "complex128": true,
	"float32": true, "float64": true, "int": true, "int8": true, "int16": true,
	"int32": true, "int64": true, "rune": true, "string": true, "uint": true,
	"uint8": true, "uint16": true, "uint32": true, "uint64": true, "uintptr": true,
}

// redeclaredType returns the compile error for the first top-level
// declaration of a predeclared type name among the units, or nil.
func redeclaredType(units []unit) *CellError {
	for _, u := range units {
		if u.file == nil {
			continue
		}
		for _, n := range u.ast {
			for _, id := range topLevelNames(n) {
				if !defaultTypes[id.Name] {
					continue
				}
				pos := u.file.Position(id.Pos())
				ce := &CellError{Name: KindCompile, Line: pos.Line - 1, Col: pos.Column,
					Value: id.Name + " is a predeclared type: nnbook cannot declare " + id.Name + " at a cell's top level (the interpreter would give untyped constants the cell's " + id.Name + " instead of Go's); use another name"}
				ce.Traceback = []string{ce.Error()}
				return ce
			}
		}
	}
	return nil
}

// topLevelNames returns the names a top-level declaration or statement
// declares in the session (not those declared inside its blocks).
func topLevelNames(n ast.Node) []*ast.Ident {
	var ids []*ast.Ident
	gen := func(g *ast.GenDecl) {
		for _, sp := range g.Specs {
			switch sp := sp.(type) {
			case *ast.TypeSpec:
				ids = append(ids, sp.Name)
			case *ast.ValueSpec:
				ids = append(ids, sp.Names...)
			}
		}
	}
	switch n := n.(type) {
	case *ast.GenDecl:
		gen(n)
	case *ast.DeclStmt:
		if g, ok := n.Decl.(*ast.GenDecl); ok {
			gen(g)
		}
	case *ast.FuncDecl:
		if n.Recv == nil {
			ids = append(ids, n.Name)
		}
	case *ast.AssignStmt:
		if n.Tok == token.DEFINE {
			for _, x := range n.Lhs {
				if id, ok := x.(*ast.Ident); ok {
					ids = append(ids, id)
				}
			}
		}
	}
	return ids
}
