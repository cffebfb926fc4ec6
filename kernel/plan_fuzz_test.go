package kernel

import (
	"go/parser"
	"go/token"
	"testing"
)

// FuzzPlan checks that planning a cell — splitting it and applying every
// source rewrite (go statements, defer statements, method values, range over
// int and over functions, main, comma-ok map reads, min/max/clear, package
// clauses, type versions) — never panics, and that a
// statement unit planned from valid Go still parses after the rewrites.
func FuzzPlan(f *testing.F) {
	for _, s := range []string{
		"x := max(1, 2.5)\nmin(x, 0)",
		"m := map[string]int{}\nv, ok := m[\"a\"]\nv, _ = m[\"b\"]\n_ = ok",
		"for i := range 3 { a, b := f(i); _, _ = a, b }",
		"package main\nfunc main() { clear(s) }",
		"max := 1\nmax + min(2, max)",
		"go max(1, 2)",
		"type T struct{}\nfunc (T) max() int { return 1 }\nT{}.max()",
		"min(func() int { return 1 }(), 2)",
		"x := min(min(min(1, 2), 3), max(4, 5, 6))",
		"func seq(yield func(int) bool) {}\nL: for x := range seq { for y := range seq { if x > y { continue L }; break } }",
		"f := func(s iter.Seq2[int, string]) (int, error) { for k, v := range s { defer println(k, v); return k, nil }; return 0, nil }",
		"func f(xs []int) {\n\tfor i := range xs {\n\t\tdefer fmt.Println(\"i\", i,\n\t\t\txs...)\n\t}\n\tg := func() {}\n\tdefer g()\n}",
		"defer f.Close()\ndefer fmt.Println(x)",
		"type P struct{ X int }\nfunc (p P) S(n ...int) int { return p.X }\nf, v := P.S, P{}.S\np := P{}\ng := p.S",
		"func h() { for _, p := range []P{{}} { defer p.S(1); defer func() { recover() }() } }",
		"func f(xs []int) { for i := range xs { defer func(n int) { if r := recover(); r != nil { fmt.Println(i, n, r) } }(i) } }",
		"defer func() { fmt.Println(recover()) }()\ndefer fmt.Printf(\"%T\\n\", v)\npanic(1)",
		"func g(v any) { defer fmt.Printf(\"%T %v\\n\", v, v); defer fmt.Println(f()); defer log.Println(xs...) }",
		"L: for i := 0; i < 3; i++ {\n\tfor _, v := range xs { if v > i { continue L }; defer func() { fmt.Println(i, v) }(); go func() { use(v) }() }\n\ti++\n}",
	} {
		f.Add(s)
	}
	e, err := New()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, code string) {
		units, cerr := e.plan(code)
		if cerr != nil {
			return
		}
		for _, u := range units {
			if u.kind != chunkStmt || u.final || u.text == "" {
				continue
			}
			if _, err := parser.ParseFile(token.NewFileSet(), "", stmtHeader+u.text+"\n}", 0); err != nil {
				if _, err0 := parser.ParseFile(token.NewFileSet(), "", stmtHeader+code[u.off:u.end]+"\n}", 0); err0 == nil {
					t.Fatalf("%q: unit %q no longer parses after the rewrites: %v", code, u.text, err)
				}
			}
		}
	})
}
