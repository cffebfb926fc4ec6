package kernel

import "testing"

// Cell error types as a notebook uses them: declared again in a later cell
// (a new version of the type), then matched by errors.As, errors.Is, a type
// assertion and a type switch; each case's cells run in a fresh engine and
// print what go run would.
func TestCellErrorTypes(t *testing.T) {
	decl := "type CodeErr struct{ Code int; Op string }\nfunc (e CodeErr) Error() string { return fmt.Sprint(e.Op, \" \", e.Code) }"
	for _, c := range []struct {
		name  string
		cells []string
		want  string
	}{
		{"declared again", []string{decl, decl,
			"w := errors.Unwrap(fmt.Errorf(\"w: %w\", CodeErr{7, \"get\"}))\nx, ok := w.(CodeErr)\nvar t CodeErr\nfmt.Println(w, x.Code, ok, errors.As(w, &t), t.Op, errors.Is(w, CodeErr{7, \"get\"}))"},
			"get 7 7 true true get true\n"},
		{"case error after a new version", []string{decl, decl,
			"func kind(v any) string {\n\tswitch x := v.(type) {\n\tcase error:\n\t\treturn \"error \" + x.Error()\n\t}\n\treturn \"other\"\n}",
			"fmt.Println(kind(CodeErr{1, \"put\"}), kind(&CodeErr{2, \"del\"}), kind(struct{}{}))"},
			"error put 1 error del 2 other\n"},
		{"var of type error", []string{decl,
			"var e error = CodeErr{3, \"head\"}",
			"c, ok := e.(CodeErr)\nfmt.Println(e, c.Op, ok)"},
			"head 3 head true\n"},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, stderr := engineRun(t, c.cells)
			if got.stdout != c.want || got.exit != 0 {
				t.Errorf("got %q (exit %d), want %q\n%s", got.stdout, got.exit, c.want, stderr)
			}
		})
	}
}
