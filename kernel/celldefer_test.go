package kernel

import "testing"

// TestCellTopLevelDefer checks that a defer at a cell's top level runs
// once, when the cell ends, with the values of the defer statement, also
// when the cell panics, and that a panic of a deferred call is the cell's.
func TestCellTopLevelDefer(t *testing.T) {
	for _, c := range []struct {
		name  string
		cells []string
		want  string // stdout, then the exit status go run would give
		exit  int
	}{
		{"runs at the end", []string{"defer fmt.Println(\"hi\")\nfmt.Println(\"body\")", "fmt.Println(\"next\")"}, "body\nhi\nnext\n", 0},
		{"arguments at the statement", []string{"x := 1\ndefer fmt.Println(\"x was\", x)\nx = 2\nfmt.Println(x)"}, "2\nx was 1\n", 0},
		{"once per cell", []string{"x := 1", "defer fmt.Println(\"x was\", x)", "x = 2", "fmt.Println(x)"}, "x was 1\n2\n", 0},
		{"last first", []string{"defer func() { fmt.Println(\"bye\") }()\nfor i := 0; i < 2; i++ {\n\tdefer fmt.Println(\"i\", i)\n}"}, "i 1\ni 0\nbye\n", 0},
		{"after a panic", []string{"defer fmt.Println(\"deferred\")\nvar m map[string]int\nm[\"a\"] = 1"}, "deferred\n", 2},
		{"a deferred panic", []string{"defer func() { panic(\"boom\") }()\nfmt.Println(\"body\")"}, "body\n", 2},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, stderr := engineRun(t, c.cells)
			if got.stdout != c.want || got.exit != c.exit {
				t.Errorf("got %q (exit %d), want %q (exit %d); stderr %q", got.stdout, got.exit, c.want, c.exit, stderr)
			}
		})
	}
}
