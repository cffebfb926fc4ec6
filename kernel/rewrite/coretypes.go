package rewrite

import (
	"go/ast"
	"go/token"
)

// yaegi v0.16.1 cannot infer the type parameters of a function whose
// parameter has a type parameter constrained by a core type (`func Keys[M
// ~map[K]V, K comparable, V any](m M) []K` called as Keys(m) fails with
// "undefined type for K"), but infers them for the core type itself. A type
// parameter M whose constraint is ~map[K]V, map[K]V, ~[]E or []E and which
// is used only as the type of parameters is replaced by its core type:
//
//	func Keys[M ~map[K]V, K comparable, V any](m M) []K
//	→  func Keys[K comparable, V any](m map[K]V) []K
//
// Calls that infer the type arguments mean the same (an argument of a named
// map type still matches map[K]V); only an explicit instantiation
// Keys[map[string]int, string, int] would not, which yaegi rejects anyway.

func coreTypeEdits(s Session, u *Unit) []Edit {
	var edits []Edit
	for _, d := range u.File.Decls {
		fd, ok := d.(*ast.FuncDecl)
		if !ok || fd.Recv != nil || fd.Type.TypeParams == nil || fd.Body == nil {
			continue
		}
		list := fd.Type.TypeParams.List
		removed := make([]bool, len(list))
		kept := len(list)
		var replace []Edit
		for i, f := range list {
			if len(f.Names) != 1 {
				continue
			}
			core := coreType(f.Type)
			name := f.Names[0]
			if core == nil || mentions(core, name.Name) {
				continue
			}
			params := onlyParamType(fd, name)
			if params == nil || kept == 1 {
				continue
			}
			removed[i] = true
			kept--
			coreText := u.Text[u.Off(core.Pos()):u.Off(core.End())]
			for _, p := range params {
				replace = append(replace, Edit{u.Off(p.Pos()), u.Off(p.End()), coreText})
			}
		}
		for i, f := range list {
			if !removed[i] {
				continue
			}
			if keptAfter(removed, i) {
				edits = append(edits, Edit{u.Off(f.Pos()), u.Off(list[i+1].Pos()), ""})
			} else {
				edits = append(edits, Edit{u.Off(list[i-1].End()), u.Off(f.End()), ""})
			}
		}
		edits = append(edits, replace...)
	}
	return edits
}

// coreType returns the map or slice type of a constraint ~map[K]V, map[K]V,
// ~[]E or []E, or nil.
func coreType(c ast.Expr) ast.Expr {
	if u, ok := c.(*ast.UnaryExpr); ok && u.Op == token.TILDE {
		c = u.X
	}
	switch t := c.(type) {
	case *ast.MapType:
		return t
	case *ast.ArrayType:
		if t.Len == nil {
			return t
		}
	}
	return nil
}

// onlyParamType returns the parameter types of fd that are exactly the type
// parameter tp, or nil when tp is used anywhere else (or nowhere).
func onlyParamType(fd *ast.FuncDecl, tp *ast.Ident) []*ast.Ident {
	var params []*ast.Ident
	asParam := map[*ast.Ident]bool{}
	for _, f := range fd.Type.Params.List {
		if id, ok := f.Type.(*ast.Ident); ok && id.Name == tp.Name {
			params = append(params, id)
			asParam[id] = true
		}
	}
	other := false
	ast.Inspect(fd, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && id != tp && id.Name == tp.Name && !asParam[id] {
			other = true
		}
		return !other
	})
	if other {
		return nil
	}
	return params
}

// keptAfter reports whether a type parameter after the i-th stays.
func keptAfter(removed []bool, i int) bool {
	for _, r := range removed[i+1:] {
		if !r {
			return true
		}
	}
	return false
}
