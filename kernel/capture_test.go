package kernel

import (
	"context"
	"testing"
)

// TestCloseStdStreams checks that a cell closing os.Stdout or os.Stderr
// does not close them for the session.
func TestCloseStdStreams(t *testing.T) {
	e := newEngine(t)
	for _, f := range []string{"os.Stdout", "os.Stderr"} {
		parts, err := run(t, e, context.Background(), f+".WriteString(\"before\\n\")\n"+f+".Close()\n_, err := "+f+".WriteString(\"x\")\nerr != nil")
		if err != nil {
			t.Fatal(err)
		}
		if len(parts) != 2 || parts[0].Text != "before\n" || parts[1].Text != "true" {
			t.Errorf("%s: closing cell gave %v, want the text written before and a failed write", f, parts)
		}
		parts, err = run(t, e, context.Background(), f+".WriteString(\"after\\n\")")
		if err != nil {
			t.Fatal(err)
		}
		if len(parts) != 1 || parts[0].Text != "after\n" {
			t.Errorf("%s: the next cell's output is %v, want \"after\\n\"", f, parts)
		}
	}
}
