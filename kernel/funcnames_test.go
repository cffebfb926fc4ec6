package kernel

import (
	"go/ast"
	"go/parser"
	"go/token"
	"strings"
	"testing"
)

// TestFrameNames names frames as Go's compiler names their functions, from
// the frame's position in the cell that declared the function and yaegi's
// name for it (the scope of the first node the function ran).
func TestFrameNames(t *testing.T) {
	const cell = `func f() {
	a := func() int { return 1 }
	b := func() {
		c := func() {
			_ = a()
		}
		c()
	}
	b()
	g()
}
type T struct{}
func (t *T) M() { g(); f() }
func (T) V() { g() }
func g() {}
func Map[T any](xs []T) []T { return xs }`
	// yaegi's lines are the cell's + 1: the wrapper's line comes first.
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, "cell.go", "package main\n"+cell, 0)
	if err != nil {
		t.Fatal(err)
	}
	e := &Engine{}
	for _, d := range file.Decls {
		if fd, ok := d.(*ast.FuncDecl); ok {
			e.recordFuncSource(fd, fset.File(file.Pos()))
		}
	}
	for _, c := range []struct {
		line, col int
		yaegi     string
		want      string
	}{
		{5, 4, "main.f.func.func", "main.f.func2.1"},
		{4, 3, "main.f.func.func", "main.f.func2"}, // b starts with c's literal
		{2, 2, "main.f.func", "main.f"},            // f starts with a's literal
		{2, 20, "main.f.func", "main.f.func1"},
		{13, 19, "main.M", "main.(*T).M"},
		{14, 16, "main.V", "main.T.V"},
		{15, 10, "main.g", "main.g"},
		{3, 1, "main.h", "main.h"}, // not a function the engine has: yaegi's name
		{1, 1, "main.__nnmain", "main.main"},
		{16, 31, "main.Map", "main.Map[...]"},
	} {
		if got := e.goFrameName(c.line, c.col, c.yaegi); got != c.want {
			t.Errorf("%d:%d %s: got %s, want %s", c.line, c.col, c.yaegi, got, c.want)
		}
	}

	// A caller's line is that of its only call of the function inside it.
	tb := []string{"panic: x", "    main.g at line 15:10", "    main.f.func at line 2:2", "    main.M at line 13:19", "    main at line 20:1"}
	e.goFrameNames(tb)
	want := []string{"panic: x", "    main.g at line 15:10", "    main.f at line 10:2", "    main.(*T).M at line 13:24", "    main at line 20:1"}
	for i := range want {
		if tb[i] != want[i] {
			t.Errorf("frame %d: got %q, want %q", i, tb[i], want[i])
		}
	}
}

// TestCellFrame merges the frame of a top-level statement that ran inside
// the loopvar pass's function literal with the cell's own frame, and places
// the error at the cell's frame.
func TestCellFrame(t *testing.T) {
	const code = "a\nb\nc\nd\n\tm[i] = i\nf\n"
	for _, c := range []struct {
		name      string
		tb        []string
		line, col int // the error's position before
		want      []string
		wantLine  int
		wantCol   int
	}{
		{"wrapped statement", []string{"panic: x", "    main at line 5:3", "    main at line 2:1"}, 0, 0,
			[]string{"panic: x", "    main at line 5:3"}, 5, 3},
		{"closure called at the top level", []string{"panic: x", "    main.func1 at line 3:15", "    main at line 2:1"}, 0, 0,
			[]string{"panic: x", "    main.func1 at line 3:15", "    main at line 2:1"}, 2, 1},
		{"position kept", []string{"panic: x", "    main.f at line 3:15", "    main at line 4:1"}, 6, 1,
			[]string{"panic: x", "    main.f at line 3:15", "    main at line 4:1"}, 6, 1},
		{"no cell frame", []string{"panic: x", "    main.f at line 3:15"}, 0, 0,
			[]string{"panic: x", "    main.f at line 3:15"}, 0, 0},
	} {
		ce := &CellError{Name: KindPanic, Value: "x", Traceback: c.tb, Line: c.line, Col: c.col}
		cellFrame(ce, code)
		if strings.Join(ce.Traceback, "\n") != strings.Join(c.want, "\n") || ce.Line != c.wantLine || ce.Col != c.wantCol {
			t.Errorf("%s: got %q at %d:%d, want %q at %d:%d", c.name, ce.Traceback, ce.Line, ce.Col, c.want, c.wantLine, c.wantCol)
		}
	}
}
