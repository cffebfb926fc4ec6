package rewrite

import (
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzFaults runs every pass on a cell with divisions, map assignments
// and dereferences: the faults checks must not overlap another pass's
// edits, and the rewritten cell must still parse.
func FuzzFaults(f *testing.F) {
	in, err := os.ReadFile(filepath.Join("testdata", "faults.in"))
	if err != nil {
		f.Fatal(err)
	}
	_, bodies := parseSections(string(in))
	for _, b := range bodies {
		if !strings.HasPrefix(b, "// session:") && !strings.HasPrefix(b, "package") {
			f.Add(b)
		}
	}
	s := parseSession("// session: builtin=min,max,clear,recover,panic integer=n")
	f.Fuzz(func(t *testing.T, body string) {
		header := "package main; func main() {\n"
		fset := token.NewFileSet()
		file, err := parser.ParseFile(fset, "cell.go", header+body+"\n}", 0)
		if err != nil {
			return
		}
		u := &Unit{Text: body, File: file, Tok: fset.File(file.Pos()), Base: len(header)}
		edits, err := Edits(s, u)
		if err != nil {
			t.Fatalf("%q: %v", body, err)
		}
		out := Apply(body, edits)
		if _, err := parser.ParseFile(token.NewFileSet(), "", header+out+"\n}", 0); err != nil {
			t.Fatalf("%q rewritten as %q no longer parses: %v", body, out, err)
		}
	})
}
