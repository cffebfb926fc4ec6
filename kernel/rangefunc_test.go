package kernel

import (
	"strings"
	"testing"
)

// TestRangeOverFuncNamed: a range over a function fails before anything
// runs, naming the feature at the range expression.
func TestRangeOverFuncNamed(t *testing.T) {
	tests := []struct{ cell, want string }{
		{"func seq(yield func(int) bool) { yield(1) }\nn := 1\nfor x := range seq {\n\tn = x\n}", "3:16: range over a function (seq)"},
		{"import \"strings\"\nfor s := range strings.SplitSeq(\"a,b\", \",\") {\n\tfmt.Println(s)\n}", "2:16: range over a function (strings.SplitSeq(\"a,b\", \",\"))"},
		{"for x := range func(yield func(int) bool) {} {\n\t_ = x\n}", "1:16: range over a function (a function literal)"},
	}
	for _, tc := range tests {
		e := newEngine(t)
		err := e.Execute(t.Context(), tc.cell, nil)
		if err == nil || !strings.HasPrefix(err.Error(), tc.want) {
			t.Errorf("%q: error %v, want it to start %q", tc.cell, err, tc.want)
		}
	}
	// A range over a slice or a call returning one is not touched.
	e := newEngine(t)
	if err := e.Execute(t.Context(), "func mk() []int { return []int{1} }\nfor i := range mk() {\n\t_ = i\n}", nil); err != nil {
		t.Error(err)
	}
}
