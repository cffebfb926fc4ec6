package kernel

import (
	"context"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestCellFmt prints values of cell types the ways the corpus does not:
// each case's expected text is what `go run` prints for the same
// declarations and statement.
func TestCellFmt(t *testing.T) {
	e := newEngine(t)
	decls := `
type Celsius float64
type Rect struct{ W, H float64 }
type Level int
func (l Level) String() string { return [...]string{"low", "high"}[l] }
type Boom struct{}
func (Boom) String() string { panic("boom") }
type Tree struct {
	Left, Right *Tree
	V           int
}
type Ptr struct{ n int }
func (p *Ptr) String() string { return "ptr" }
type Pick func(int) bool
`
	if err := e.Execute(context.Background(), decls, nil); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ stmt, want string }{
		{`fmt.Printf("%T|%v|%.1f", Celsius(2), Celsius(2), Celsius(2))`, "main.Celsius|2|2.0"},
		{`fmt.Printf("%[2]T %[1]T", Rect{}, Level(0))`, "main.Level main.Rect"},
		{`fmt.Printf("%10T|%-6T|", Level(1), Celsius(0))`, "main.Level|main.Celsius|"},
		{`fmt.Printf("%%T %T", 1)`, "%T int"},
		{`fmt.Printf("%T %T", nil, []interface{}{Rect{}})`, "<nil> []interface {}"},
		{`fmt.Printf("%v %d", []Level{1, 0}, []Level{1, 0})`, "[high low] [1 0]"},
		{`fmt.Printf("%v", map[Level]Rect{1: {1, 2}})`, "map[high:{1 2}]"},
		{`fmt.Printf("%+v", Tree{V: 1, Left: &Tree{V: 2}})`, ""}, // pointer address: checked below
		{`fmt.Printf("%v", Boom{})`, "%!v(PANIC=String method: boom)"},
		{`fmt.Printf("%v %v", Ptr{1}, &Ptr{2})`, "{1} ptr"},
		{`fmt.Printf("%v", []*Ptr{nil})`, "[ptr]"},
		{`fmt.Printf("%T", Pick(nil))`, "main.Pick"},
		{`fmt.Printf("%#v", [2]Celsius{1.5})`, "[2]main.Celsius{1.5, 0}"},
		{`fmt.Printf("%#v", struct{ L Level; C Celsius }{})`, "struct { L main.Level; C main.Celsius }{L:0, C:0}"},
		{`fmt.Printf("%x %q", Level(1), Level(0))`, `68696768 "low"`},
		{`fmt.Printf("%d %s", []interface{}{Level(1)}, []interface{}{Level(0), "x"})`, "[1] [low x]"},
		{`fmt.Print(Level(1), "-", 2, 3, Celsius(4))`, "high-2 3 4"},
		{`fmt.Printf("%v %T", fmt.Sprint(Rect{1, 2}), fmt.Errorf("%v", Level(1)))`, "{1 2} *errors.errorString"},
		{`fmt.Printf("%s", fmt.Errorf("at %v: %w", Level(1), fmt.Errorf("inner")))`, "at high: inner"},
		{`fmt.Printf("%v", fmt.Sprintln(Level(0), Level(1)))`, "low high\n"},
	} {
		var out strings.Builder
		err := e.Execute(context.Background(), c.stmt, func(p Part) {
			if p.Kind == Stdout {
				out.WriteString(p.Text)
			}
		})
		if err != nil {
			t.Errorf("%s: %v", c.stmt, err)
			continue
		}
		got := out.String()
		if c.want == "" {
			// {Left:0xc… Right:<nil> V:1}
			if !strings.HasPrefix(got, "{Left:0x") || !strings.HasSuffix(got, " Right:<nil> V:1}") {
				t.Errorf("%s printed %q, want {Left:0x… Right:<nil> V:1}", c.stmt, got)
			}
			continue
		}
		if got != c.want {
			t.Errorf("%s printed %q, want %q", c.stmt, got, c.want)
		}
		if strings.Contains(got, verSep) {
			t.Errorf("%s shows an internal name: %q", c.stmt, got)
		}
	}
}

// FuzzFmtFormat checks that fmtFormat changes only verbs T, to typeVerb.
func FuzzFmtFormat(f *testing.F) {
	for _, s := range []string{"%T", "%v %T\n", "%%T", "%[2]*.[1]T", "T%", "%-10T|%+#v", "%ŤT"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, format string) {
		if !utf8.ValidString(format) {
			return
		}
		got := fmtFormat(format)
		if back := strings.ReplaceAll(got, string(typeVerb), "T"); back != strings.ReplaceAll(format, string(typeVerb), "T") {
			t.Fatalf("fmtFormat(%q) = %q: changed more than verbs", format, got)
		}
		if strings.Count(got, string(typeVerb)) > strings.Count(format, "%")+strings.Count(format, string(typeVerb)) {
			t.Fatalf("fmtFormat(%q) = %q: more type verbs than directives", format, got)
		}
	})
}
