package rewrite

import (
	"fmt"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestInitOrder runs every pass and then InitOrder's moves on the files of
// testdata/initorder.in and compares with testdata/initorder.golden (go test
// -update rewrites it).
func TestInitOrder(t *testing.T) {
	names, bodies := readSections(t, filepath.Join("testdata", "initorder.in"))
	var b strings.Builder
	for _, n := range names {
		body := bodies[n]
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, "case.go", body, 0)
		if err != nil {
			t.Fatalf("%s: %v", n, err)
		}
		u := &Unit{Text: body, File: f, Tok: fset.File(f.Pos())}
		edits, err := Edits(parseSession(""), u)
		if err != nil {
			t.Fatalf("%s: %v", n, err)
		}
		out, err := ApplyMoves(body, edits, InitOrder(u))
		if err != nil {
			t.Fatalf("%s: %v", n, err)
		}
		if _, err := parser.ParseFile(token.NewFileSet(), "out.go", out, 0); err != nil {
			t.Errorf("%s: the moved source does not parse: %v\n%s", n, err, out)
		}
		fmt.Fprintf(&b, "-- %s --\n%s", n, out)
	}
	golden := filepath.Join("testdata", "initorder.golden")
	if *update {
		if err := os.WriteFile(golden, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if b.String() != string(want) {
		t.Errorf("got:\n%s\nwant:\n%s", b.String(), want)
	}
}

// TestInitOrderKeepsPositions checks that a moved declaration keeps its
// line and column.
func TestInitOrderKeepsPositions(t *testing.T) {
	src := "package main\n\nvar total = compute()\n\nvar base = 10\n\nfunc compute() int { return base * 3 }\n"
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "a.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	u := &Unit{Text: src, File: f, Tok: fset.File(f.Pos())}
	out, err := ApplyMoves(src, nil, InitOrder(u))
	if err != nil {
		t.Fatal(err)
	}
	fset2 := token.NewFileSet()
	g, err := parser.ParseFile(fset2, "a.go", out, 0)
	if err != nil {
		t.Fatal(err)
	}
	last := g.Decls[len(g.Decls)-1]
	if p := fset2.Position(last.Pos()); p.Line != 3 || p.Column != 1 || p.Filename != "a.go" {
		t.Errorf("the moved var total is at %v, want a.go:3:1\n%s", p, out)
	}
}

func ExampleApplyMoves() {
	src := "package main\n\nvar total = triple()\n\nvar base = 10\n\nfunc triple() int { return base * 3 }\n"
	fset := token.NewFileSet()
	f, _ := parser.ParseFile(fset, "cell.go", src, 0)
	u := &Unit{Text: src, File: f, Tok: fset.File(f.Pos())}
	out, _ := ApplyMoves(src, nil, InitOrder(u))
	for _, line := range strings.Split(out, "\n") {
		if line != "" {
			fmt.Println(line) // the moved lines leave blank lines behind
		}
	}
	// Output:
	// package main
	// func triple() int { return base * 3 }
	// //line :5:1
	// var base = 10
	// //line :3:1
	// var total = triple()
}
