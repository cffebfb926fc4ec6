package compile

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/scanner"
	"go/token"
	"sort"
	"strconv"
	"strings"
)

// Directive is the first line that marks a compiled cell.
const Directive = "//nnbook:compile"

// IsCompiled reports whether a cell's first line is the directive (spaces
// around it allowed, nothing after it but a comment).
func IsCompiled(code string) bool {
	first, _, _ := strings.Cut(code, "\n")
	first = strings.TrimSpace(first)
	rest, ok := strings.CutPrefix(first, Directive)
	return ok && (rest == "" || rest[0] == ' ' || rest[0] == '\t')
}

// pkgName is the package clause of every compiled cell: fmt's %T shows
// a compiled cell's type T as cell.T (an interpreted cell's as main.T, as
// go run would; a Go package named main cannot be imported by later cells).
const pkgName = "cell"

// Prefixes of the generated names (never shown to users: compile errors
// in generated code name the user's names).
const (
	accessor   = Accessor
	earlierPkg = "__nnc" // local name of an earlier compiled cell's package
)

// Accessor prefixes the exported accessors of a compiled cell's names
// (NNBOOK_x for x): generated, never shown to users.
const Accessor = "NNBOOK_"

// Kind is what a name declares.
type Kind int

// The kinds of declared names.
const (
	Var Kind = iota
	Const
	Type
	Func
)

// String returns "var", "const", "type" or "func".
func (k Kind) String() string { return [...]string{"var", "const", "type", "func"}[k] }

// Name is a package-level name a compiled cell declares.
type Name struct {
	Name    string
	Kind    Kind
	Generic bool // a generic type or func: usable inside its cell only
	Untyped bool // an untyped constant
}

// String returns "func train" or "var x".
func (n Name) String() string { return n.Kind.String() + " " + n.Name }

// Binding says where a name of an earlier compiled cell lives.
type Binding struct {
	Path string // the package's import path
	Kind Kind
}

// Diag is a compile error of a cell, at the cell's own line and column
// (1-based; line 1 is the directive).
type Diag struct {
	Line, Col int
	Msg       string
}

// String returns "line:col: msg".
func (d Diag) String() string { return fmt.Sprintf("%d:%d: %s", d.Line, d.Col, d.Msg) }

// Errors are the compile errors of a cell.
type Errors []Diag

// Error returns the errors one a line.
func (e Errors) Error() string {
	s := make([]string, len(e))
	for i, d := range e {
		s[i] = d.String()
	}
	return strings.Join(s, "\n")
}

// Cell is a compiled cell to build.
type Cell struct {
	Source     string             // the cell as written, directive included
	Imports    map[string]string  // local name → path the session has imported (used when the cell does not import them itself)
	Earlier    map[string]Binding // names of earlier compiled cells, each bound to its latest build
	Generation int                // how many times this process loaded this source before (0 the first time)
}

// generated is the Go source of a cell's package.
type generated struct {
	cell    string  // cell.go: line i is the cell's line i (line 1 the package clause)
	exports string  // exports.go: accessors and the symbol table
	names   []Name  // what the cell declares, in order
	shifts  []shift // where cell.go's columns differ from the cell's
}

// shift records that the identifier at column col of line (width bytes)
// became delta bytes longer in cell.go (a variable of an earlier cell
// dereferenced).
type shift struct{ line, col, width, delta int }

// generate turns a cell into its package's source, or its syntax errors.
func generate(c Cell) (*generated, error) {
	body := c.Source
	if i := strings.IndexByte(body, '\n'); i >= 0 {
		body = body[i:]
	} else {
		body = ""
	}
	src := "package " + pkgName + body
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "cell.go", src, parser.ParseComments)
	if err != nil {
		return nil, syntaxErrors(err)
	}
	g := &generated{}
	declared := map[string]bool{}
	untypedPrev := false
	for _, d := range f.Decls {
		switch d := d.(type) {
		case *ast.FuncDecl:
			if d.Recv == nil && d.Name.Name != "init" && d.Name.Name != "_" {
				g.names = append(g.names, Name{Name: d.Name.Name, Kind: Func, Generic: d.Type.TypeParams != nil})
				declared[d.Name.Name] = true
			}
		case *ast.GenDecl:
			for _, s := range d.Specs {
				switch s := s.(type) {
				case *ast.TypeSpec:
					g.names = append(g.names, Name{Name: s.Name.Name, Kind: Type, Generic: s.TypeParams != nil})
					declared[s.Name.Name] = true
				case *ast.ValueSpec:
					k := Var
					untyped := false
					if d.Tok == token.CONST {
						k = Const
						untyped = s.Type == nil && (len(s.Values) == 0 && untypedPrev || len(s.Values) > 0 && allUntyped(s.Values))
						untypedPrev = untyped
					}
					for _, id := range s.Names {
						if id.Name != "_" {
							g.names = append(g.names, Name{Name: id.Name, Kind: k, Untyped: untyped})
							declared[id.Name] = true
						}
					}
				}
			}
		}
	}
	own := map[string]bool{} // local names the cell imports itself
	for _, im := range f.Imports {
		p, _ := strconv.Unquote(im.Path.Value)
		name := p[strings.LastIndex(p, "/")+1:]
		if im.Name != nil {
			name = im.Name.Name
		}
		own[name] = true
	}
	selectorX := map[*ast.Ident]bool{}
	ast.Inspect(f, func(n ast.Node) bool {
		if s, ok := n.(*ast.SelectorExpr); ok {
			if id, ok := s.X.(*ast.Ident); ok {
				selectorX[id] = true
			}
		}
		return true
	})
	imports := map[string]string{} // local name → path, added on line 1
	aliases := map[string]string{} // earlier name → its declaration
	var rewrites []*ast.Ident
	for _, id := range f.Unresolved {
		name := id.Name
		if declared[name] || own[name] {
			continue
		}
		if b, ok := c.Earlier[name]; ok {
			local := earlierLocal(b.Path)
			imports[local] = b.Path
			switch b.Kind {
			case Var:
				rewrites = append(rewrites, id)
			case Const:
				aliases[name] = fmt.Sprintf("const %s = %s.%s%s", name, local, accessor, name)
			case Type:
				aliases[name] = fmt.Sprintf("type %s = %s.%s%s", name, local, accessor, name)
			case Func:
				aliases[name] = fmt.Sprintf("var %s = %s.%s%s", name, local, accessor, name)
			}
			continue
		}
		if p, ok := c.Imports[name]; ok && selectorX[id] {
			imports[name] = p
		}
	}
	// cell.go: the package clause and the added imports on line 1, then
	// the cell's lines with earlier cells' variables dereferenced.
	var b strings.Builder
	b.WriteString("package " + pkgName)
	if len(imports) > 0 {
		locals := make([]string, 0, len(imports))
		for l := range imports {
			locals = append(locals, l)
		}
		sort.Strings(locals)
		b.WriteString("; import (")
		for i, l := range locals {
			if i > 0 {
				b.WriteString("; ")
			}
			fmt.Fprintf(&b, "%s %q", l, imports[l])
		}
		b.WriteString(")")
	}
	text := body
	base := len("package " + pkgName)
	sort.Slice(rewrites, func(i, j int) bool { return rewrites[i].Pos() > rewrites[j].Pos() })
	for _, id := range rewrites {
		off := fset.Position(id.Pos()).Offset - base
		repl := fmt.Sprintf("(*%s.%s%s)", earlierLocal(c.Earlier[id.Name].Path), accessor, id.Name)
		text = text[:off] + repl + text[off+len(id.Name):]
		p := fset.Position(id.Pos())
		g.shifts = append(g.shifts, shift{line: p.Line, col: p.Column, width: len(id.Name), delta: len(repl) - len(id.Name)})
	}
	b.WriteString(text)
	if len(aliases) > 0 {
		b.WriteString("\n\n// Names of earlier compiled cells.\n")
		names := make([]string, 0, len(aliases))
		for n := range aliases {
			names = append(names, n)
		}
		sort.Strings(names)
		for _, n := range names {
			b.WriteString(aliases[n] + "\n")
		}
	}
	g.cell = b.String()
	g.exports = exportsSource(g.names)
	return g, nil
}

// earlierLocal is the local name of an earlier cell's package in a later one.
func earlierLocal(path string) string {
	return earlierPkg + path[strings.LastIndex(path, "/")+1:]
}

// allUntyped reports whether constant expressions use only literals,
// operators and parentheses (so the constant is untyped). Conservative:
// names and calls make it count as typed.
func allUntyped(xs []ast.Expr) bool {
	ok := true
	for _, x := range xs {
		ast.Inspect(x, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.Ident:
				ok = ok && (n.Name == "iota" || n.Name == "true" || n.Name == "false")
			case *ast.CallExpr, *ast.SelectorExpr, *ast.CompositeLit:
				ok = false
			}
			return ok
		})
	}
	return ok
}

// exportsSource is exports.go: an exported accessor for every name (so
// later compiled cells can reach unexported ones) and the symbol table
// the interpreter is given.
func exportsSource(names []Name) string {
	var b strings.Builder
	b.WriteString("// Code generated by nnbook for a compiled cell. DO NOT EDIT.\n\npackage " + pkgName + "\n\nimport (\n\t__nnreflect \"reflect\"\n")
	untyped := false
	for _, n := range names {
		untyped = untyped || n.Untyped
	}
	if untyped {
		b.WriteString("\t__nnconstant \"go/constant\"\n\t__nntoken \"go/token\"\n")
	}
	b.WriteString(")\n\n")
	for _, n := range names {
		a := accessor + n.Name
		switch {
		case n.Generic:
			// No accessor: a generic is usable inside its cell only.
		case n.Kind == Var:
			fmt.Fprintf(&b, "var %s = &%s\n", a, n.Name)
		case n.Kind == Const:
			fmt.Fprintf(&b, "const %s = %s\n", a, n.Name)
		case n.Kind == Type:
			fmt.Fprintf(&b, "type %s = %s\n", a, n.Name)
		case n.Kind == Func:
			fmt.Fprintf(&b, "var %s = %s\n", a, n.Name)
		}
	}
	b.WriteString("\n// " + accessor + "Symbols is the cell's symbol table for the interpreter.\nfunc " + accessor + "Symbols() map[string]__nnreflect.Value {\n\treturn map[string]__nnreflect.Value{\n")
	for _, n := range names {
		if n.Generic {
			continue
		}
		switch n.Kind {
		case Var:
			// The interpreter reads the variable and, through the pointer
			// (which the kernel substitutes for assignments), writes it.
			fmt.Fprintf(&b, "\t\t%q: __nnreflect.ValueOf(&%s).Elem(),\n", n.Name, n.Name)
			fmt.Fprintf(&b, "\t\t%q: __nnreflect.ValueOf(&%s),\n", accessor+n.Name, n.Name)
		case Const:
			if n.Untyped {
				fmt.Fprintf(&b, "\t\t%q: __nnreflect.ValueOf(__nnconst(%s)),\n", n.Name, n.Name)
			} else {
				fmt.Fprintf(&b, "\t\t%q: __nnreflect.ValueOf(%s),\n", n.Name, n.Name)
			}
		case Type:
			fmt.Fprintf(&b, "\t\t%q: __nnreflect.ValueOf((*%s)(nil)),\n", n.Name, n.Name)
		case Func:
			fmt.Fprintf(&b, "\t\t%q: __nnreflect.ValueOf(%s),\n", n.Name, n.Name)
		}
	}
	b.WriteString("\t}\n}\n")
	if untyped {
		// An untyped constant reaches the interpreter as a constant.Value,
		// as in yaegi's own tables, so 2 * 0.5 works with const two = 2.
		b.WriteString(`
func __nnconst(v any) __nnconstant.Value {
	switch v := v.(type) {
	case bool:
		return __nnconstant.MakeBool(v)
	case string:
		return __nnconstant.MakeString(v)
	case int:
		return __nnconstant.MakeInt64(int64(v))
	case rune:
		return __nnconstant.MakeInt64(int64(v))
	case float64:
		return __nnconstant.MakeFloat64(v)
	case complex128:
		return __nnconstant.BinaryOp(__nnconstant.MakeFloat64(real(v)), __nntoken.ADD, __nnconstant.MakeImag(__nnconstant.MakeFloat64(imag(v))))
	}
	return __nnconstant.MakeUnknown()
}
`)
	}
	return b.String()
}

// syntaxErrors turns go/parser's errors into cell diagnostics (the lines
// are the cell's: line 1 only changed from the directive to the package
// clause).
func syntaxErrors(err error) error {
	var out Errors
	if el, ok := err.(scanner.ErrorList); ok {
		for _, e := range el {
			out = append(out, Diag{Line: e.Pos.Line, Col: e.Pos.Column, Msg: e.Msg})
			if len(out) == 10 {
				break
			}
		}
		return out
	}
	return Errors{{Line: 1, Col: 1, Msg: err.Error()}}
}

// cellCol maps a column of line in cell.go back to the cell's column.
func (g *generated) cellCol(line, col int) int {
	var onLine []shift
	for _, s := range g.shifts {
		if s.line == line {
			onLine = append(onLine, s)
		}
	}
	sort.Slice(onLine, func(i, j int) bool { return onLine[i].col < onLine[j].col })
	acc := 0
	for _, s := range onLine {
		start := s.col + acc
		if col < start {
			break
		}
		if col < start+s.width+s.delta {
			return s.col // inside the dereference: the identifier
		}
		acc += s.delta
	}
	return col - acc
}
