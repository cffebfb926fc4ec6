package rewrite

import (
	"go/parser"
	"go/token"
	"testing"
)

// BenchmarkBoundsPackages reports what the bounds pass costs on a cell
// that indexes a standard function's result, with the packages it names
// typed (the engine's case, after their first import) and with them
// unknown (declared: the session has no such package).
func BenchmarkBoundsPackages(b *testing.B) {
	header, body := "package main; func main() {\n", "parts := strings.Split(line, \"=\")\nfmt.Println(parts[1], strings.Fields(line)[2])"
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "cell.go", header+body+"\n}", 0)
	if err != nil {
		b.Fatal(err)
	}
	u := &Unit{Text: body, File: f, Tok: fset.File(f.Pos()), Base: len(header)}
	for _, c := range []struct{ name, session string }{
		{"typed", "// session: string=line"},
		{"untyped", "// session: string=line declared=strings,fmt"},
	} {
		s := parseSession(c.session)
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				boundsEdits(s, u)
			}
		})
	}
}
