package kernel

import (
	"strings"
	"testing"
)

// TestRangeOverFuncCells: loops over iterators run in cells, whatever cell
// the iterator was declared or made in.
func TestRangeOverFuncCells(t *testing.T) {
	count := "func Count(n int) iter.Seq[int] {\n\treturn func(yield func(int) bool) {\n\t\tfor i := 0; i < n; i++ {\n\t\t\tif !yield(i) {\n\t\t\t\treturn\n\t\t\t}\n\t\t}\n\t}\n}"
	tests := []struct {
		name  string
		cells []string
		want  string
	}{
		{"top level, iterator of an earlier cell", []string{"import \"iter\"", count, "for x := range Count(3) {\n\tif x == 2 {\n\t\tbreak\n\t}\n\tfmt.Print(x, \" \")\n}"}, "0 1 "},
		{"session variable", []string{"import \"iter\"", count, "s := Count(4)", "for x := range s {\n\tfmt.Print(x)\n}"}, "0123"},
		{"declared in the same cell", []string{"func seq(yield func(int) bool) { yield(1); yield(2) }\nn := 0\nfor x := range seq {\n\tn += x\n}\nfmt.Println(n)"}, "3\n"},
		{"function literal", []string{"for x := range func(yield func(string) bool) { yield(\"a\") } {\n\tfmt.Println(x)\n}"}, "a\n"},
		{"standard iterators", []string{"import (\n\t\"slices\"\n\t\"strings\"\n)", "for s := range strings.SplitSeq(\"a,b\", \",\") {\n\tfmt.Print(s)\n}", "xs := []int{5, 6}", "for i, v := range slices.All(xs) {\n\tfmt.Print(i, v)\n}"}, "ab0 51 6"},
		{"labels at the top level", []string{"func seq(yield func(int) bool) { _ = yield(0) && yield(1) && yield(2) }", "outer:\nfor i := range 3 {\n\tfor x := range seq {\n\t\tif x > i {\n\t\t\tcontinue outer\n\t\t}\n\t\tfmt.Print(i, x, \" \")\n\t}\n}"}, "0 0 1 0 1 1 2 0 2 1 2 2 "},
		{"iter.Pull", []string{"import \"iter\"", count, "next, stop := iter.Pull(Count(3))\nv, ok := next()\nfmt.Println(v, ok)\nstop()\nfmt.Println(next())"}, "0 true\n0 false\n"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			e := newEngine(t)
			var out strings.Builder
			for _, c := range tc.cells {
				err := e.Execute(t.Context(), c, func(p Part) {
					if p.Kind == Stdout {
						out.WriteString(p.Text)
					}
				})
				if err != nil {
					t.Fatalf("cell %q: %v", c, err)
				}
			}
			if out.String() != tc.want {
				t.Errorf("stdout %q, want %q", out.String(), tc.want)
			}
		})
	}
}

// TestRangeOverFuncNamed: a range over a function the engine cannot
// rewrite fails before anything runs, naming the feature at the range
// expression.
func TestRangeOverFuncNamed(t *testing.T) {
	tests := []struct{ cell, want string }{
		{"func gen[T any](v T) iter.Seq[T] { return func(yield func(T) bool) { yield(v) } }\nfor x := range gen(1) {\n\t_ = x\n}", "2:16: range over a function (gen(1)) is supported"},
		{"for x := range func(yield func(int, int, int) bool) {} {\n\t_ = x\n}", "1:16: range over a function (a function literal)"},
		{"func seq(yield func(int) bool) {}\nfor i, x := range seq {\n\t_, _ = i, x\n}", "2:19: range over seq permits only one iteration variable"},
		{"import \"slices\"\nfor x := range slices.Values(mystery()) {\n\t_ = x\n}", "2:16: range over a function (slices.Values(mystery()))"},
	}
	for _, tc := range tests {
		e := newEngine(t)
		if err := e.Execute(t.Context(), "import \"iter\"", nil); err != nil {
			t.Fatal(err)
		}
		err := e.Execute(t.Context(), tc.cell, nil)
		if err == nil || !strings.HasPrefix(err.Error(), tc.want) {
			t.Errorf("%q: error %v, want it to start %q", tc.cell, err, tc.want)
		}
		if err != nil && strings.Contains(err.Error(), "__") {
			t.Errorf("%q: error %q shows an internal name", tc.cell, err)
		}
	}
	// A range over a slice or a call returning one is not touched.
	e := newEngine(t)
	if err := e.Execute(t.Context(), "func mk() []int { return []int{1} }\nfor i := range mk() {\n\t_ = i\n}", nil); err != nil {
		t.Error(err)
	}
}
