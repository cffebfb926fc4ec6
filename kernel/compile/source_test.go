package compile

import (
	"errors"
	"fmt"
	"strings"
	"testing"
)

func TestIsCompiled(t *testing.T) {
	for _, tt := range []struct {
		code string
		want bool
	}{
		{"//nnbook:compile\nfunc f() {}", true},
		{"  //nnbook:compile  \nfunc f() {}", true},
		{"//nnbook:compile // fast", true},
		{"//nnbook:compiled\nfunc f() {}", false},
		{"x := 1\n//nnbook:compile", false},
		{"// nnbook:compile", false},
	} {
		if got := IsCompiled(tt.code); got != tt.want {
			t.Errorf("IsCompiled(%q) = %v, want %v", tt.code, got, tt.want)
		}
	}
}

func TestGenerate(t *testing.T) {
	earlier := map[string]Binding{
		"count": {Path: "nnbookcells/cabc", Kind: Var},
		"point": {Path: "nnbookcells/cabc", Kind: Type},
		"norm":  {Path: "nnbookcells/cabc", Kind: Func},
		"scale": {Path: "nnbookcells/cdef", Kind: Const},
	}
	g, err := generate(Cell{
		Source:  "//nnbook:compile\nfunc f(p point) float64 { count++; return norm(p) * scale + math.Pi }\n\ntype local struct{ count int }\n\nfunc (l local) get() int { return l.count + count }\n",
		Imports: map[string]string{"math": "math", "fmt": "fmt"},
		Earlier: earlier,
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		`package cell; import (__nnccabc "nnbookcells/cabc"; __nnccdef "nnbookcells/cdef"; math "math")` + "\n",
		"func f(p point) float64 { (*__nnccabc.NNBOOK_count)++; return norm(p) * scale + math.Pi }",
		"return l.count + (*__nnccabc.NNBOOK_count) }",
		"type point = __nnccabc.NNBOOK_point\n",
		"var norm = __nnccabc.NNBOOK_norm\n",
		"const scale = __nnccdef.NNBOOK_scale\n",
	} {
		if !strings.Contains(g.cell, want) {
			t.Errorf("cell.go lacks %q:\n%s", want, g.cell)
		}
	}
	if fmt.Sprint(g.names) != "[func f type local]" {
		t.Errorf("names %v", g.names)
	}
	// Columns after a dereference map back to the cell's.
	line2 := strings.Split(g.cell, "\n")[1]
	col := strings.Index(line2, "norm(p)") + 1
	if got := g.cellCol(2, col); got != strings.Index("func f(p point) float64 { count++; return norm(p)", "norm(p)")+1 {
		t.Errorf("cellCol(2, %d) = %d", col, got)
	}
	if got := g.cellCol(2, strings.Index(line2, "NNBOOK_count")+1); got != 27 {
		t.Errorf("a column inside the dereference maps to %d, want 27 (count)", got)
	}
	var diags Errors
	_, err = generate(Cell{Source: "//nnbook:compile\nfunc f() {\n\treturn 1 +\n"})
	if !errors.As(err, &diags) || diags[0].Line != 3 {
		t.Errorf("syntax error %v, want one on line 3", err)
	}
}

// FuzzGenerate: any cell either has syntax errors inside it or generates
// a cell.go whose lines are the cell's (plus appended declarations).
func FuzzGenerate(f *testing.F) {
	for _, s := range []string{
		"//nnbook:compile\nfunc f() int { return x }\n",
		"//nnbook:compile\nconst (\n\ta = iota\n\tb\n)\nvar x, y = 1, 2\ntype T[P any] struct{ v P }\n",
		"//nnbook:compile\nimport \"math\"\nfunc g(v float64) float64 { return math.Sqrt(v) + x }",
		"//nnbook:compile",
		"//nnbook:compile\n}{",
	} {
		f.Add(s)
	}
	earlier := map[string]Binding{"x": {Path: "nnbookcells/c1", Kind: Var}}
	f.Fuzz(func(t *testing.T, src string) {
		g, err := generate(Cell{Source: src, Earlier: earlier, Imports: map[string]string{"math": "math"}})
		lines := strings.Count(src, "\n") + 1
		if err != nil {
			var diags Errors
			if !errors.As(err, &diags) {
				t.Fatalf("error %T %v", err, err)
			}
			for _, d := range diags {
				if d.Line < 1 || d.Line > lines+1 {
					t.Fatalf("error at line %d of a %d-line cell", d.Line, lines)
				}
			}
			return
		}
		if got := strings.Count(g.cell, "\n") + 1 - aliasLines(g.cell); got != lines {
			t.Fatalf("cell.go has %d lines for a %d-line cell:\n%s", got, lines, g.cell)
		}
	})
}
