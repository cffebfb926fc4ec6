package jupyter

import (
	"fmt"
	"strings"
	"testing"
)

func TestGlob(t *testing.T) {
	tests := []struct {
		pat, s string
		want   bool
	}{
		{"6?7", "6*7", true},
		{"6?7", "6+7", true},
		{"6?7", "6*77", false},
		{"*Fit*", "net.Fit(d, o)", true},
		{"*Fit*", "net.fit", false},
		{"a*", "a\nb", true},
		{"[ab]x", "bx", true},
		{"[!ab]x", "bx", false},
		{"[^ab]x", "cx", true},
		{"[a-c]", "b", true},
		{"[", "[", true},
		{"a.b", "axb", false},
		{"(x)", "(x)", true},
		{"", "", true},
		{"*", "anything", true},
	}
	for _, tc := range tests {
		if got := globRegexp(tc.pat).MatchString(tc.s); got != tc.want {
			t.Errorf("glob %q on %q = %v, want %v", tc.pat, tc.s, got, tc.want)
		}
	}
}

func TestSelectHistory(t *testing.T) {
	all := []histEntry{{1, "x := 1", ""}, {2, "6*7", "42"}, {3, "x", "1"}, {4, "6*7", "42"}, {5, "fmt.Println(x)", ""}}
	n := func(i int) *int { return &i }
	tests := []struct {
		name string
		req  historyRequest
		want string
	}{
		{"tail 2", historyRequest{HistAccessType: "tail", N: n(2)}, "[[1 4 6*7] [1 5 fmt.Println(x)]]"},
		{"tail default", historyRequest{HistAccessType: "tail"}, fmt.Sprint(selectHistory(all, historyRequest{HistAccessType: "tail", N: n(100)}))},
		{"tail output", historyRequest{HistAccessType: "tail", N: n(2), Output: true}, "[[1 4 [6*7 42]] [1 5 [fmt.Println(x) <nil>]]]"},
		{"range", historyRequest{HistAccessType: "range", Session: n(1), Start: n(2), Stop: n(4)}, "[[1 2 6*7] [1 3 x]]"},
		{"range session 0", historyRequest{HistAccessType: "range", Session: n(0), Start: n(5)}, "[[1 5 fmt.Println(x)]]"},
		{"range other session", historyRequest{HistAccessType: "range", Session: n(7)}, "[]"},
		{"search", historyRequest{HistAccessType: "search", Pattern: "6?7"}, "[[1 2 6*7] [1 4 6*7]]"},
		{"search unique", historyRequest{HistAccessType: "search", Pattern: "6?7", Unique: true}, "[[1 4 6*7]]"},
		{"search n", historyRequest{HistAccessType: "search", Pattern: "*x*", N: n(1)}, "[[1 5 fmt.Println(x)]]"},
	}
	for _, tc := range tests {
		if got := fmt.Sprint(selectHistory(all, tc.req)); got != tc.want {
			t.Errorf("%s: got %s, want %s", tc.name, got, tc.want)
		}
	}
}

// FuzzGlob checks that every pattern compiles and matches itself when it has
// no special characters.
func FuzzGlob(f *testing.F) {
	for _, s := range []string{"6?7", "*Fit*", "[!a-c]x", "[", "[]]", `\`, "[^]"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, pat string) {
		re := globRegexp(pat)
		if !strings.ContainsAny(pat, "*?[") && !re.MatchString(pat) {
			t.Errorf("literal pattern %q does not match itself (%s)", pat, re)
		}
	})
}
