package rewrite

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"testing"
)

// constValues type-checks src and returns the type and value of every
// package-level constant, or ok false when src does not compile.
func constValues(src string) (map[string]string, bool) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "c.go", src, 0)
	if err != nil {
		return nil, false
	}
	conf := types.Config{Importer: importer.Default(), Error: func(error) {}}
	pkg, err := conf.Check("p", fset, []*ast.File{f}, nil)
	if err != nil {
		return nil, false
	}
	m := map[string]string{}
	for _, name := range pkg.Scope().Names() {
		if c, ok := pkg.Scope().Lookup(name).(*types.Const); ok {
			m[name] = c.Type().String() + " " + c.Val().ExactString()
		}
	}
	return m, true
}

// FuzzConstFold checks the pass constfold against go/types: a declaration
// that compiles compiles after the pass, and every constant keeps its type
// and value.
func FuzzConstFold(f *testing.F) {
	for _, s := range []string{
		"type B float64\nconst (\n\t_ = iota\n\tKB B = 1 << (10 * iota)\n\tMB\n)",
		"const (\n\ta, b = iota, iota * 2\n\tc, d\n\te, f = \"e\", iota + 100\n\tg\n)",
		"const x int64 = 1 << 40",
		"const (\n\th int = 7 / 2\n\tm uint8 = ^0 & 0xF0\n\tr rune = 'a' + iota\n\tq\n)",
		"const (\n\tp, q = iota, 10\n\tr = iota\n\ts\n)",
		"const t float64 = 1.0 / 3",
	} {
		f.Add(s)
	}
	s := parseSession("")
	f.Fuzz(func(t *testing.T, decls string) {
		src := "package p\n\n" + decls + "\n"
		before, ok := constValues(src)
		if !ok {
			return
		}
		fset := token.NewFileSet()
		file, err := parser.ParseFile(fset, "c.go", src, 0)
		if err != nil {
			return
		}
		u := &Unit{Text: src, File: file, Tok: fset.File(file.Pos())}
		out := Apply(src, constFoldEdits(s, u))
		after, ok := constValues(out)
		if !ok {
			t.Fatalf("constfold turned\n%s\ninto\n%s\nwhich does not compile", src, out)
		}
		for name, v := range before {
			if after[name] != v {
				t.Fatalf("constfold turned\n%s\ninto\n%s\n%s: %s became %s", src, out, name, v, after[name])
			}
		}
	})
}
