package rewrite

import (
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"sort"
	"strings"
)

// A unit typed together with the session's declarations it uses.
//
// A cell split into units sees the types, functions and variables of
// earlier cells only through Session. checkWithSession writes what the unit
// names of them as a second file — the types as declared (TypeOf "type T
// …"), the methods the unit selects of them and the functions as their
// first lines (without bodies), the variables with the type their source
// showed (VarTypeName) or, failing that, their run-time type — and types the
// unit with it, so `f := current().Get` in a func main of its own cell has
// its receiver's type. Imports are empty packages, as for the bounds pass.

// maxPreludeDecls bounds the declarations written for one unit.
const maxPreludeDecls = 200

// checkWithSession types u with the session's declarations it uses; the
// info is as far as go/types got (errors are expected and ignored).
func checkWithSession(s Session, u *Unit) (*types.Info, *types.Package) {
	fset := token.NewFileSet()
	fset.AddFile(u.Tok.Name(), u.Tok.Base(), u.Tok.Size())
	files := []*ast.File{u.File}
	if src := prelude(s, u.File); src != "" {
		if f, err := parser.ParseFile(fset, "session.go", "package main\n"+src, parser.SkipObjectResolution); err == nil {
			files = append(files, f)
		}
	}
	info := &types.Info{
		Types:      map[ast.Expr]types.TypeAndValue{},
		Defs:       map[*ast.Ident]types.Object{},
		Uses:       map[*ast.Ident]types.Object{},
		Selections: map[*ast.SelectorExpr]*types.Selection{},
	}
	pkg := types.NewPackage("main", "main")
	conf := &types.Config{Importer: sessionImporter{s}, Error: func(error) {}}
	defer func() {
		// A checker failure leaves info as far as it got.
		_ = recover()
	}()
	types.NewChecker(conf, fset, pkg, info).Files(files)
	return info, pkg
}

// prelude writes the declarations of the session's names that f uses and
// does not declare at its top level, and of the names those use in turn.
func prelude(s Session, f *ast.File) string {
	selected := map[string]bool{} // names after a dot: methods the unit may select
	ast.Inspect(f, func(n ast.Node) bool {
		if sel, ok := n.(*ast.SelectorExpr); ok {
			selected[sel.Sel.Name] = true
		}
		return true
	})
	var decls []string
	done := map[string]bool{}
	var queue []string
	want := func(x ast.Node) {
		ast.Inspect(x, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.SelectorExpr:
				ast.Inspect(n.X, func(m ast.Node) bool {
					if id, ok := m.(*ast.Ident); ok {
						queue = append(queue, id.Name)
					}
					return true
				})
				return false
			case *ast.Ident:
				queue = append(queue, n.Name)
			}
			return true
		})
	}
	for _, id := range f.Unresolved {
		queue = append(queue, id.Name)
	}
	for len(queue) > 0 && len(decls) < maxPreludeDecls {
		name := queue[0]
		queue = queue[1:]
		if done[name] || name == "_" || f.Scope.Lookup(name) != nil || types.Universe.Lookup(name) != nil && !s.Declared(name) {
			continue
		}
		done[name] = true
		d := sessionDecl1(s, name, selected)
		if d == "" {
			continue
		}
		parsed, err := parser.ParseFile(token.NewFileSet(), "", "package p\n"+d, parser.SkipObjectResolution)
		if err != nil {
			continue
		}
		decls = append(decls, d)
		for _, pd := range parsed.Decls {
			if fd, ok := pd.(*ast.FuncDecl); ok {
				want(fd.Type)
				if fd.Recv != nil {
					want(fd.Recv)
				}
				continue
			}
			want(pd)
		}
	}
	return strings.Join(decls, "\n")
}

// sessionDecl1 writes the session's declaration of name: a type with the
// methods of it the unit may select, a function's first line, or a
// variable with its type; "" when the session has none it can write.
func sessionDecl1(s Session, name string, selected map[string]bool) string {
	if vt := s.VarTypeName(name); vt != "" {
		return "var " + name + " " + vt
	}
	t := s.TypeOf(name)
	switch {
	case strings.HasPrefix(t, "type "):
		var b strings.Builder
		b.WriteString(t)
		var ms []string
		for m := range selected {
			ms = append(ms, m)
		}
		sort.Strings(ms)
		for _, m := range ms {
			if sig := s.TypeOf(name + "." + m); strings.HasPrefix(sig, "func (") {
				b.WriteString("\n" + sig)
			}
		}
		return b.String()
	case strings.HasPrefix(t, "func "):
		return t
	}
	if t != "" {
		return "var " + name + " " + t
	}
	return ""
}
