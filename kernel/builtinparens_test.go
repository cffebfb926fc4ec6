package kernel

import (
	"go/parser"
	"testing"
)

func TestUnparenBuiltins(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"(max)(a, b)", " max (a, b)"},
		{"x := ((min))(1, 2.5)", "x :=   min  (1, 2.5)"},
		{"return (len)(s) + (cap)(s)", "return  len (s) +  cap (s)"},
		{"defer func() { r = (recover)() }()", "defer func() { r =  recover () }()"},
		// Not a group around the name: a call's or a signature's parentheses.
		{"f(len)(2)", "f(len)(2)"},
		{"var g func(len)(int)", "var g func(len)(int)"},
		{"m[k](max)(1)", "m[k](max)(1)"},
		// Not called, or not a builtin.
		{"f := (max)", "f := (max)"},
		{"(f)(x)", "(f)(x)"},
		{"x.(len)(y)", "x.(len)(y)"},
		{"s := \"(len)(x)\"", "s := \"(len)(x)\""},
	} {
		if got := unparenBuiltins(c.in); got != c.want {
			t.Errorf("unparenBuiltins(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// FuzzUnparenBuiltins checks that only parentheses become spaces (so every
// position stays) and that code which parses still parses.
func FuzzUnparenBuiltins(f *testing.F) {
	for _, s := range []string{"(max)(a, b)", "f(len)(2)", "x := ((min))(1, (len)(s))", "func(len)(int)"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, code string) {
		got := unparenBuiltins(code)
		if len(got) != len(code) {
			t.Fatalf("length %d, want %d", len(got), len(code))
		}
		for i := range code {
			if got[i] != code[i] && (got[i] != ' ' || code[i] != '(' && code[i] != ')') {
				t.Fatalf("byte %d: %q became %q", i, code[i], got[i])
			}
		}
		if _, err := parser.ParseExpr(code); err == nil {
			if _, err := parser.ParseExpr(got); err != nil {
				t.Fatalf("%q parses, %q does not: %v", code, got, err)
			}
		}
	})
}
