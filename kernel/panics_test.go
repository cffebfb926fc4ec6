package kernel

import "testing"

func TestFailingFrame(t *testing.T) {
	// yaegi's trace lines: "L:C: panic: f(...)", L one more than the cell line.
	trace := []string{"17:7: panic: main.f(...)", "25:8: panic: main.main.func(...)", "23:1: panic: main(...)"}
	for _, c := range []struct {
		line  int
		known bool
		want  int
	}{
		{18, true, 0},  // in f, which starts at 16
		{26, true, 1},  // in the deferred literal, which starts at 24
		{23, true, 2},  // in main, after f's start but before the literal's
		{10, true, -1}, // before every frame
		{18, false, -1},
	} {
		if got := failingFrame(trace, c.line, c.known); got != c.want {
			t.Errorf("failingFrame(line %d, %v) = %d, want %d", c.line, c.known, got, c.want)
		}
	}
}

func TestCellDefines(t *testing.T) {
	got := cellDefines("a := 1\nb, c := 2, 3\nvar d = 4\nvar (\n\te = 5\n\tf int\n)\nfmt.Println(a)\ng = 1\n")
	for _, n := range []string{"a", "b", "c", "d", "e", "f", "g"} {
		if !got[n] {
			t.Errorf("%s is not among the names the cell may define: %v", n, got)
		}
	}
	if got["fmt"] || got["Println"] {
		t.Errorf("a package or call is among the defined names: %v", got)
	}
}
