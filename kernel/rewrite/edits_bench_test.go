package rewrite

import (
	"go/parser"
	"go/token"
	"testing"
)

// BenchmarkEditsPerPass reports what each pass costs on a trivial cell
// ("1+1", what BenchmarkTrivialCell runs), the floor every cell pays.
func BenchmarkEditsPerPass(b *testing.B) {
	header, body := "package main; func main() {\n", "1+1"
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "cell.go", header+body+"\n}", 0)
	if err != nil {
		b.Fatal(err)
	}
	u := &Unit{Text: body, File: f, Tok: fset.File(f.Pos()), Base: len(header)}
	s := parseSession("")
	for _, p := range Passes {
		b.Run(p.Name, func(b *testing.B) {
			for b.Loop() {
				p.Edits(s, u)
			}
		})
	}
	b.Run("all", func(b *testing.B) {
		for b.Loop() {
			if _, err := Edits(s, u); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// FuzzNeeds checks that the words of needs are necessary: a pass that has
// edits for a cell finds one of its words in it.
func FuzzNeeds(f *testing.F) {
	for _, s := range []string{"1+1", "for i := range 3 { go f(i) }", "defer g(x)\nv, ok := m[k]", "const c = math.Pi", "fmt.Println(a == b, x.(int))", "type E struct{}\nfunc (E) Error() string { return \"\" }", "type T int\nswitch x := v.(type) { case T, *T: _ = x }\n_ = any(T(1))", "f := g().M\nh := s.in.M", "var v any\nfmt.Println(v == 1, v != x)", "defer println(x, 1.5)\ngo print(y)", "for i := 0; i < 3; i++ { defer func() { g(i) }() }"} {
		f.Add(s)
	}
	s := parseSession("// session: builtin=min,max,clear,recover,print,println integer=n")
	f.Fuzz(func(t *testing.T, body string) {
		header := "package main; func main() {\n"
		fset := token.NewFileSet()
		file, err := parser.ParseFile(fset, "cell.go", header+body+"\n}", 0)
		if err != nil {
			return
		}
		u := &Unit{Text: body, File: file, Tok: fset.File(file.Pos()), Base: len(header)}
		for _, p := range Passes {
			if eds := p.Edits(s, u); len(eds) > 0 && !mayEdit(p.Name, body) {
				t.Errorf("%s edits %q without any of %q", p.Name, body, needs[p.Name])
			}
		}
	})
}
