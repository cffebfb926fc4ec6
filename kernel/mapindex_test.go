package kernel

import (
	"go/parser"
	"go/token"
	"testing"
)

func TestMapIndexEdits(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"v, ok := m[k]", "v, ok := m[k]; if !ok { v = m[k] }"},
		{"v, ok = m[k]", "v, ok = m[k]; if !ok { v = m[k] }"},
		{"v, _ := m[k]", "v    := m[k]"},
		{"s.v, found = cfg.m[\"a\"+x]", "s.v, found = cfg.m[\"a\"+x]; if !found { s.v = cfg.m[\"a\"+x] }"},
		{"_, ok := m[k]", "_, ok := m[k]"},                         // the value is not kept
		{"v, ok := m[f()]", "v, ok := m[f()]"},                     // f would run twice
		{"v, ok := i.(int)", "v, ok := i.(int)"},                   // not a map read
		{"a, b := f()", "a, b := f()"},                             // not a map read
		{"if v, ok := m[k]; ok {\n}", "if v, ok := m[k]; ok {\n}"}, // init: v only used where ok
		{"for {\n\tv, ok := m[k]\n}", "for {\n\tv, ok := m[k]; if !ok { v = m[k] }\n}"},
		{"switch {\ncase true:\n\tv, ok := m[k]\n}", "switch {\ncase true:\n\tv, ok := m[k]; if !ok { v = m[k] }\n}"},
		{"go func() {\n\tv, _ := m[k]\n}()", "go func() {\n\tv    := m[k]\n}()"},
	} {
		src := stmtHeader + c.in + "\n}"
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, "cell", src, 0)
		if err != nil {
			t.Fatalf("%q: %v", c.in, err)
		}
		file := fset.File(f.Pos())
		got := applyEdits(c.in, mapIndexEdits(c.in, f, file, len(stmtHeader)))
		if got != c.want {
			t.Errorf("%q:\n got %q\nwant %q", c.in, got, c.want)
		}
	}
}
