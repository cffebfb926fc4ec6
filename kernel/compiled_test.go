package kernel

import (
	"context"
	"strings"
	"testing"

	"github.com/nnbook/nnbook/kernel/compile"
)

// compiledEngine returns a session, skipping when compiled cells cannot
// work here (the skip names why).
func compiledEngine(t *testing.T) *Engine {
	t.Helper()
	if _, err := CompiledCellsStatus(); err != nil {
		t.Skip(err)
	}
	e, err := New()
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// run executes a cell and returns its text output and error.
func runCell(t *testing.T, e *Engine, code string) (string, error) {
	t.Helper()
	var out strings.Builder
	err := e.Execute(context.Background(), code, func(p Part) {
		switch p.Kind {
		case Stdout, Stderr:
			out.WriteString(p.Text)
		case Value:
			out.WriteString(p.Text)
		}
	})
	return out.String(), err
}

func TestCompiledCellSession(t *testing.T) {
	e := compiledEngine(t)
	steps := []struct{ code, want, err string }{
		{"//nnbook:compile\ntype point struct{ X, Y float64 }\n\nfunc (p point) Norm() float64 { return math.Hypot(p.X, p.Y) }\n\nvar calls int\n\nconst scale = 2\n\nfunc norm(x, y float64) float64 { calls++; return point{x, y}.Norm() * scale }\n", "", ""},
		{"norm(3, 4)", "10", ""},
		{"calls", "1", ""},
		{"calls = 40\ncalls", "40", ""},
		{"p := point{6, 8}\np.Norm()", "10", ""},
		{"scale * 0.5", "1", ""},
		{"//nnbook:compile\nfunc twice() float64 { calls++; return norm(6, 8) * 2 }\n", "", ""},
		{"twice()", "40", ""},
		{"calls", "42", ""},
		{"//nnbook:compile\nfunc bad() int {\n\treturn calls + nope\n}\n", "", "3:17: undefined: nope"},
		{"//nnbook:compile\nfunc boom(i int) int { s := []int{1}; return s[i] }\n", "", ""},
		{"boom(3)", "", "panic: runtime error: index out of range [3] with length 1"},
		{"calls", "42", ""},
	}
	for _, s := range steps {
		got, err := runCell(t, e, s.code)
		if s.err != "" {
			if err == nil || !strings.Contains(err.Error(), s.err) {
				t.Errorf("%q: error %v, want %q", s.code, err, s.err)
			}
			continue
		}
		if err != nil {
			t.Fatalf("%q: %v", s.code, err)
		}
		if strings.TrimSpace(got) != s.want {
			t.Errorf("%q = %q, want %q", s.code, got, s.want)
		}
	}
	_ = compile.Directive
}
