package kernel

import (
	"fmt"
	"github.com/nnbook/nnbook/kernel/rewrite"
	"go/ast"
	"go/parser"
	"go/token"
	"regexp"
	"sort"
	"strings"
)

// Cell types are versioned. yaegi keeps the first definition of a type and
// its methods: declaring `type T struct{ X, Y int }` again, or a method of T
// again, would silently keep the old one. So every type a cell declares is
// given a fresh internal name, T_nnv1, T_nnv2, ..., and the user's name
// becomes an alias: `type T = T_nnv2`. Declaring a method of T again
// re-declares T (from its recorded source) with all its recorded methods
// under the next version. Values made before keep their old type, as they
// would in a Go program that changed a type.

const verSep = "_nnv"

var versionRE = regexp.MustCompile(`\b([A-Za-z_][A-Za-z0-9_]*?)` + verSep + `[0-9]+\b`)

// unversion removes version suffixes from a message.
func unversion(s string) string {
	return strings.ReplaceAll(versionRE.ReplaceAllString(s, "$1"), rewrite.MainName, "main")
}

func versioned(name string, v int) string {
	return fmt.Sprintf("%s%s%d", name, verSep, v)
}

// planState is the session's type table as the cell's earlier chunks will
// leave it, while a cell is planned.
type planState struct {
	e       *Engine
	ver     map[string]int
	methods map[string]map[string]bool
}

func (e *Engine) newPlanState() *planState {
	ps := &planState{e: e, ver: map[string]int{}, methods: map[string]map[string]bool{}}
	for t, v := range e.typeVer {
		ps.ver[t] = v
	}
	for t, ms := range e.methodSrc {
		ps.methods[t] = map[string]bool{}
		for m := range ms {
			ps.methods[t][m] = true
		}
	}
	for t, ms := range e.halfMethods {
		if ps.methods[t] == nil {
			ps.methods[t] = map[string]bool{}
		}
		for m := range ms {
			ps.methods[t][m] = true // declaring it again declares t again
		}
	}
	return ps
}

// baseTypeName returns T for a receiver T or *T.
func baseTypeName(x ast.Expr) string {
	if s, ok := x.(*ast.StarExpr); ok {
		x = s.X
	}
	if id, ok := x.(*ast.Ident); ok {
		return id.Name
	}
	return ""
}

// versionTypes plans a declaration chunk: the edits that rename its cell
// types to their new versions, the declarations to append (re-declared types
// and methods, aliases), and the commit to run when the chunk succeeded.
func (ps *planState) versionTypes(text string, f *ast.File, file *token.File, base int) ([]rewrite.Edit, string, func()) {
	if ps.e.typeVer == nil {
		return nil, "", nil // planning without a session (IsComplete)
	}
	declared := map[string]*ast.TypeSpec{}
	for _, d := range f.Decls {
		if g, ok := d.(*ast.GenDecl); ok && g.Tok == token.TYPE {
			for _, sp := range g.Specs {
				if ts := sp.(*ast.TypeSpec); !ts.Assign.IsValid() && ts.TypeParams == nil {
					declared[ts.Name.Name] = ts
				}
			}
		}
	}
	methods := map[string][]*ast.FuncDecl{} // by receiver type
	for _, d := range f.Decls {
		if fd, ok := d.(*ast.FuncDecl); ok && fd.Recv != nil && len(fd.Recv.List) == 1 {
			if t := baseTypeName(fd.Recv.List[0].Type); t != "" {
				methods[t] = append(methods[t], fd)
			}
		}
	}
	bump := map[string]bool{} // types getting a new version
	for t := range declared {
		bump[t] = true
	}
	for t, fds := range methods {
		if bump[t] || ps.ver[t] == 0 {
			continue
		}
		for _, fd := range fds {
			if ps.methods[t][fd.Name.Name] {
				bump[t] = true // a method declared again: re-declare the type
			}
		}
	}
	// The names every cell type in this chunk gets.
	newName := map[string]string{}
	newVer := map[string]int{}
	for t := range bump {
		newVer[t] = ps.ver[t] + 1
		newName[t] = versioned(t, newVer[t])
	}
	for t := range methods {
		if !bump[t] && ps.ver[t] > 0 {
			newName[t] = versioned(t, ps.ver[t])
		}
	}
	if len(newName) == 0 {
		return nil, "", nil
	}
	edits := renameEdits(f, file, base, newName)
	// An embedded field names its type by the alias (renameEdits). When
	// the chunk gives that type a new version, the alias must name it
	// before the struct is declared, or the struct would embed the old
	// version: the alias goes first, on the first declaration's line.
	early := map[string]bool{}
	for _, t := range embeddedTypes(f) {
		if bump[t] && ps.ver[t] > 0 && !early[t] {
			early[t] = true
			for _, d := range f.Decls {
				if g, ok := d.(*ast.GenDecl); ok && g.Tok == token.IMPORT {
					continue
				}
				off := file.Offset(d.Pos()) - base
				edits = append(edits, rewrite.Edit{Off: off, End: off, New: fmt.Sprintf("type %s = %s; ", t, newName[t])})
				break
			}
		}
	}

	// Re-declare bumped types that this chunk does not declare, with the
	// methods it does not declare again.
	var app strings.Builder
	var names []string
	for t := range bump {
		names = append(names, t)
	}
	sort.Strings(names)
	for _, t := range names {
		var src strings.Builder
		if declared[t] == nil {
			fmt.Fprintf(&src, "type %s\n", rewrite.HideUnexported(ps.e.typeSrc[t]))
		}
		again := map[string]bool{}
		for _, fd := range methods[t] {
			again[fd.Name.Name] = true
		}
		if declared[t] == nil {
			var ms []string
			for m := range ps.e.methodSrc[t] {
				if !again[m] {
					ms = append(ms, m)
				}
			}
			sort.Strings(ms)
			for _, m := range ms {
				src.WriteString(ps.e.methodSrc[t][m] + "\n")
			}
		}
		if src.Len() > 0 {
			app.WriteString("\n" + renameSource(src.String(), newName))
		}
	}
	for _, t := range names {
		if !early[t] {
			fmt.Fprintf(&app, "\ntype %s = %s", t, newName[t])
		}
	}
	for _, t := range names {
		if ps.methodsAllowed(t, declared, 0) {
			app.WriteString(hiddenMethods(newName[t]))
		}
	}
	app.WriteString(ps.e.registrations(newName, declared, methods, func(fd *ast.FuncDecl) string {
		return text[file.Offset(fd.Pos())-base : file.Offset(fd.End())-base]
	}))

	// Update the plan for later chunks of the cell.
	for t := range bump {
		ps.ver[t] = newVer[t]
		if declared[t] != nil {
			ps.methods[t] = map[string]bool{}
		}
	}
	for t, fds := range methods {
		if ps.methods[t] == nil {
			ps.methods[t] = map[string]bool{}
		}
		for _, fd := range fds {
			ps.methods[t][fd.Name.Name] = true
		}
	}

	// What the session records once the chunk ran.
	typeSrc := map[string]string{}
	for t, ts := range declared {
		typeSrc[t] = text[file.Offset(ts.Pos())-base : file.Offset(ts.End())-base]
	}
	methodSrc := map[string]map[string]string{}
	for t, fds := range methods {
		if ps.ver[t] == 0 && declared[t] == nil {
			continue // a method of a type this session does not know
		}
		methodSrc[t] = map[string]string{}
		for _, fd := range fds {
			methodSrc[t][fd.Name.Name] = text[file.Offset(fd.Pos())-base : file.Offset(fd.End())-base]
		}
	}
	e := ps.e
	commit := func() {
		for t, v := range newVer {
			e.typeVer[t] = v
		}
		for t, s := range typeSrc {
			e.typeSrc[t] = s
			e.methodSrc[t] = map[string]string{}
		}
		for t, ms := range methodSrc {
			if e.methodSrc[t] == nil {
				e.methodSrc[t] = map[string]string{}
			}
			for m, s := range ms {
				e.methodSrc[t][m] = s
			}
		}
	}
	return edits, app.String(), commit
}

// renameEdits renames the identifiers of f that name a type in newName
// (not field names, selectors, method names or composite-literal keys). An
// embedded field keeps the user's name, the alias of its type's version:
// the field is named after the type as written (Go names the field of an
// embedded alias by the alias), so Item{Base: …}, it.Base and %+v see Base,
// not Base_nnv1.
func renameEdits(f *ast.File, file *token.File, base int, newName map[string]string) []rewrite.Edit {
	skip := rewrite.NonReferences(f, func(*ast.FuncDecl) bool { return true })
	for _, id := range embeddedIdents(f) {
		skip[id] = true
	}
	var edits []rewrite.Edit
	ast.Inspect(f, func(n ast.Node) bool {
		id, ok := n.(*ast.Ident)
		if !ok || skip[id] {
			return true
		}
		if nn, ok := newName[id.Name]; ok {
			off := file.Offset(id.Pos()) - base
			edits = append(edits, rewrite.Edit{Off: off, End: off + len(id.Name), New: nn})
		}
		return true
	})
	return edits
}

// renameSource renames the types of newName in declarations source.
func renameSource(src string, newName map[string]string) string {
	const header = "package p\n"
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "", header+src, 0)
	if err != nil {
		return src
	}
	out := rewrite.Apply(header+src, renameEdits(f, fset.File(f.Pos()), 0, newName))
	return strings.TrimPrefix(out, header)
}

// embeddedIdents returns the type names of f's embedded fields (T and *T).
func embeddedIdents(f *ast.File) []*ast.Ident {
	var ids []*ast.Ident
	ast.Inspect(f, func(n ast.Node) bool {
		if st, ok := n.(*ast.StructType); ok {
			for _, fld := range st.Fields.List {
				if len(fld.Names) > 0 {
					continue
				}
				x := fld.Type
				if s, ok := x.(*ast.StarExpr); ok {
					x = s.X
				}
				if id, ok := x.(*ast.Ident); ok {
					ids = append(ids, id)
				}
			}
		}
		return true
	})
	return ids
}

// embeddedTypes names the types f embeds in its structs, in order.
func embeddedTypes(f *ast.File) []string {
	var names []string
	for _, id := range embeddedIdents(f) {
		names = append(names, id.Name)
	}
	return names
}
