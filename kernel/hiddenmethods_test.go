package kernel

import (
	"context"
	"strings"
	"testing"
)

// TestHiddenMethodsNotShown checks that the hidden methods every cell type
// gets (hiddenmethods.go) reach no tool and no message: completion,
// inspection, the variable list, compile errors and printed values (a
// cell that names one, which no user writes, may call it).
func TestHiddenMethodsNotShown(t *testing.T) {
	e := newEngine(t)
	parts, err := run(t, e, context.Background(), "type Celsius float64\ntype P struct{ X int }\nfunc (p P) Get() int { return p.X }\np := P{1}\nvar c any = Celsius(2)\nfmt.Printf(\"%v %+v %#v %T\\n\", p, p, c, c)")
	if err != nil {
		t.Fatal(err)
	}
	shown := []string{render(parts, nil)}
	for _, code := range []string{"p.", "p.nn", "c.", "P."} {
		got, _, _ := e.Complete(code, len(code))
		shown = append(shown, strings.Join(got, " "))
	}
	for _, code := range []string{"P", "p", "Celsius", "p.Get"} {
		s, _ := e.Inspect(code, len(code))
		shown = append(shown, s)
	}
	for _, v := range e.Vars() {
		shown = append(shown, v.String())
	}
	for _, code := range []string{"var s fmt.Stringer = p", "var q P = c", "p.Missing()"} {
		_, err := run(t, e, context.Background(), code)
		if err == nil {
			t.Errorf("%s: no error", code)
			continue
		}
		shown = append(shown, err.Error())
	}
	for _, s := range shown {
		if strings.Contains(s, hiddenValueMethod) || strings.Contains(s, hiddenPtrMethod) {
			t.Errorf("a hidden method's name is shown: %q", s)
		}
	}
}
