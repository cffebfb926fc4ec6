package kernel

import (
	"bytes"
	"strings"
	"testing"
)

// TestYaegiLogFilter drops the lines of yaegi's log.Panic and keeps every
// other line, the user's own "nil type" inside a longer message included.
func TestYaegiLogFilter(t *testing.T) {
	tests := []struct {
		line string
		kept bool
	}{
		{"2026/12/06 03:26:33 nil type\n", false},
		{"2026/12/06 03:26:33.123456 nil reflect type\n", false},
		{"nil type\n", false},
		{"2026/12/06 03:26:33 training done\n", true},
		{"2026/12/06 03:26:33 a nil type here\n", true},
		{"nil typed value\n", true},
	}
	for _, tc := range tests {
		var out bytes.Buffer
		f := yaegiLogFilter{&out}
		if n, err := f.Write([]byte(tc.line)); n != len(tc.line) || err != nil {
			t.Errorf("Write(%q) = %d, %v", tc.line, n, err)
		}
		if kept := out.Len() > 0; kept != tc.kept {
			t.Errorf("%q kept = %v, want %v", tc.line, kept, tc.kept)
		}
	}
}

// TestRangeOverFuncLogsNothing: a cell yaegi cannot type (a range over a
// function the engine does not rewrite: it cannot tell the iterator's
// types, here a field of a generic struct) fails with an error naming the
// range expression and prints no internal log line.
func TestRangeOverFuncLogsNothing(t *testing.T) {
	e := newEngine(t)
	if err := e.Execute(t.Context(), "type Box[T any] struct{ Each func(func(T) bool) }", nil); err != nil {
		t.Fatal(err)
	}
	var stderr bytes.Buffer
	err := e.Execute(t.Context(), "b := Box[int]{func(yield func(int) bool) { yield(1) }}\nfor x := range b.Each {\n\tfmt.Println(x)\n}", func(p Part) {
		if p.Kind == Stderr {
			stderr.WriteString(p.Text)
		}
	})
	if err == nil {
		t.Skip("this range over a function works now: find another cell yaegi cannot type")
	}
	if !strings.HasPrefix(err.Error(), "2:16: nnbook's interpreter cannot tell the type of b.Each") {
		t.Errorf("error %q does not name the range expression", err)
	}
	if bytes.Contains(stderr.Bytes(), []byte("nil type")) {
		t.Errorf("the cell's stderr shows yaegi's log: %q", stderr.String())
	}
}
