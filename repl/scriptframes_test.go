package repl

import (
	"strings"
	"testing"

	"github.com/nnbook/nnbook/kernel"
)

// TestScriptFrames places each frame at the script's line: the failing
// entry's top level in that entry, a declared function in the latest entry
// declaring it.
func TestScriptFrames(t *testing.T) {
	decls := map[string]int{
		"func f(x int) int {\n\treturn x\n}":      3,
		"type T struct{}":                         7,
		"func (t *T) Get() int {\n\treturn 1\n}":  8,
		"func (s Stack[E]) Push(v E) {\n}":        12,
		"func f(x int) int {\n\tpanic(x)\n}":      20,
		"var g = func() {}":                       25,
		"func main() {\n\tfmt.Println(\"hi\")\n}": 30,
		"func func2() {}":                         40,
	}
	err := &kernel.CellError{Name: kernel.KindPanic, Traceback: []string{
		"panic: x",
		"    main.f.func1.2 at line 2:3",
		"    main.f at line 2:2",
		"    main.(*T).Get at line 2:2",
		"    main.Stack[...].Push at line 1:20",
		"    main.main.func1 at line 2:5",
		"    main.h at line 4:1",
		"    main.func1 at line 1:10",
		"    main at line 2:1",
		"    main.f at line 3 (compiled)",
	}}
	scriptFrames(err, 50, decls)
	want := []string{
		"panic: x",
		"    main.f.func1.2 at line 21:3",
		"    main.f at line 21:2",
		"    main.(*T).Get at line 9:2",
		"    main.Stack[...].Push at line 12:20",
		"    main.main.func1 at line 31:5",
		"    main.h at line 4:1", // no entry declares h
		"    main.func1 at line 50:10",
		"    main at line 51:1",
		"    main.f at line 3 (compiled)",
	}
	if got := strings.Join(err.Traceback, "\n"); got != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", got, strings.Join(want, "\n"))
	}
}
