package kernel

import (
	"context"
	"fmt"
	"os"
	"reflect"
	"strings"
	"sync"
	"testing"

	"github.com/traefik/yaegi/interp"
)

func newEngine(t testing.TB) *Engine {
	t.Helper()
	e, err := New()
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// run executes a cell and returns its parts and error.
func run(t testing.TB, e *Engine, ctx context.Context, code string) ([]Part, error) {
	t.Helper()
	var mu sync.Mutex
	var parts []Part
	err := e.Execute(ctx, code, func(p Part) {
		mu.Lock()
		parts = append(parts, p)
		mu.Unlock()
	})
	return parts, err
}

// mustValue runs a cell that must succeed and returns the text of its value.
func mustValue(t testing.TB, e *Engine, code string) string {
	t.Helper()
	parts, err := run(t, e, context.Background(), code)
	if err != nil {
		t.Fatalf("%s: %v", code, err)
	}
	for _, p := range parts {
		if p.Kind == Value {
			return p.Text
		}
	}
	t.Fatalf("%s: no value in %v", code, parts)
	return ""
}

func TestInterruptLoop(t *testing.T) {
	e := newEngine(t)
	mustValue(t, e, "x := 5\nx")
	err := interruptWhenStarted(t, e, "fmt.Println(\"started\")\nn := 0\nfor {\n\tn++\n}")
	ce, ok := err.(*CellError)
	if !ok || ce.Name != "Interrupted" {
		t.Fatalf("err = %v, want an Interrupted CellError", err)
	}
	if got := mustValue(t, e, "x"); got != "5" {
		t.Errorf("x after interrupt = %s, want 5", got)
	}
}

func TestInterruptFit(t *testing.T) {
	e := newEngine(t)
	mustValue(t, e, "net := nnlib.New(2, 32, 32, 2)\nd := nnlib.TwoMoons(2000, 0.1, 1)\nd.Len()")
	err := interruptWhenStarted(t, e, "fmt.Println(\"started\")\nh, err := net.Fit(d, nnlib.FitOptions{Epochs: 1000000, BatchSize: 1})\nerr")
	if ce, ok := err.(*CellError); !ok || ce.Name != "Interrupted" || ce.Value != "interrupted" {
		t.Fatalf("err = %v, want an Interrupted CellError with nothing left running", err)
	}
	if got := mustValue(t, e, "d.Len()"); got != "2000" {
		t.Errorf("d.Len() after interrupt = %s", got)
	}
	// The network is usable, and training again works.
	if got := mustValue(t, e, "h2, err := net.Fit(d, nnlib.FitOptions{Epochs: 1})\nerr == nil && len(h2.Epochs) == 1"); got != "true" {
		t.Errorf("training after interrupt: %s", got)
	}
}

// TestLiveOutput checks that output reaches emit while the cell still runs,
// for both the interpreter's fmt and the redirected os.Stdout.
// The cell waits in a compiled call until the test has seen "first".
func TestLiveOutput(t *testing.T) {
	for _, code := range []string{
		"fmt.Println(\"first\")\ntp.B.Block()\nfmt.Println(\"second\")",
		"os.Stdout.WriteString(\"first\\n\")\ntp.B.Block()\nos.Stdout.WriteString(\"second\\n\")",
	} {
		e := newEngine(t)
		b := useBlocker(t, e)
		var texts []string
		err := e.Execute(context.Background(), code, func(p Part) {
			if len(texts) == 0 {
				close(b.release)
			}
			texts = append(texts, p.Text)
		})
		if err != nil {
			t.Fatal(err)
		}
		if got := strings.Join(texts, ""); got != "first\nsecond\n" {
			t.Errorf("%q: output %q", code, got)
		}
	}
}

// TestNoLeak checks that unterminated output written through the pipes is
// delivered before Execute returns, not in the next cell.
func TestNoLeak(t *testing.T) {
	e := newEngine(t)
	parts, err := run(t, e, context.Background(), `os.Stdout.WriteString("partial é"); os.Stderr.WriteString("err")`)
	if err != nil {
		t.Fatal(err)
	}
	// Both arrive before Execute returns; their order is not guaranteed
	// (two pipes, see the package doc).
	got := render(parts, nil)
	if got != "stdout| partial é⏎\nstderr| err⏎\n" && got != "stderr| err⏎\nstdout| partial é⏎\n" {
		t.Errorf("got %q", got)
	}
	parts, _ = run(t, e, context.Background(), `y := 1`)
	if len(parts) != 0 {
		t.Errorf("next cell got %v", parts)
	}
}

func TestVarsAndReset(t *testing.T) {
	e := newEngine(t)
	mustValue(t, e, "a := 1\nvar b = \"s\"\nconst c = 3\nfunc f() {}\nnet := nnlib.WorkedExample()\ntype P struct{ X int }\np := &P{1}\na")
	got := e.Vars()
	want := []Var{{"a", "int"}, {"b", "string"}, {"net", "*nnlib.Network"}, {"p", "*P"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Vars() = %v, want %v", got, want)
	}
	if err := e.Reset(); err != nil {
		t.Fatal(err)
	}
	if v := e.Vars(); len(v) != 0 {
		t.Errorf("Vars() after Reset = %v", v)
	}
	if _, err := run(t, e, context.Background(), "a"); err == nil {
		t.Error("a is still defined after Reset")
	}
	if got := mustValue(t, e, "math.Sqrt(4)"); got != "2" {
		t.Errorf("after Reset: %s", got)
	}
}

func TestCellErrorPositions(t *testing.T) {
	e := newEngine(t)
	for _, c := range []struct {
		code      string
		name      string
		line, col int
	}{
		{"x := 1\ny := x +\n", "CompileError", 3, 1},
		{"a := 1\n\n   b := undefinedThing", "CompileError", 3, 9},
		{"// é comment\nx := \"é\"; y := undefinedToo", "CompileError", 2, 16},
		{"package main\nfunc f() int {\n\treturn nope\n}", "CompileError", 3, 9},
		{"var m map[string]int\nm[\"a\"] = 1", "Panic", 2, 1},
		{"fmt.Print(1)\nimport \"github.com/nobody/nothing\"", "CompileError", 2, 8},
	} {
		_, err := run(t, e, context.Background(), c.code)
		ce, ok := err.(*CellError)
		if !ok {
			t.Errorf("%q: err = %v, want a CellError", c.code, err)
			continue
		}
		if ce.Name != c.name || ce.Line != c.line || ce.Col != c.col {
			t.Errorf("%q: got %s at %d:%d (%v), want %s at %d:%d", c.code, ce.Name, ce.Line, ce.Col, ce, c.name, c.line, c.col)
		}
	}
}

func TestDoc(t *testing.T) {
	e := newEngine(t)
	for _, c := range []struct{ name, want string }{
		{"nnlib.WorkedExample", "func WorkedExample() *Network"},
		{"nnlib.Network.Fit", "func (n *Network) Fit("},
		{"plot.Loss", "func Loss("},
		{"fmt.Println", "func Println("},
		{"rand.Intn", "func Intn("},
		{"math/rand.Intn", "func Intn("},
		{"display.Markdown", "func Markdown(s string) Object"},
		{"gonum.org/v1/gonum/mat.Dense.Mul", "func (m *Dense) Mul(a, b Matrix)"},
		{"mat.NewDense", "func NewDense(r, c int, data []float64) *Dense"}, // imported below
		{"gplot.New", "func New() *Plot"},
	} {
		if c.name == "mat.NewDense" {
			if _, err := run(t, e, context.Background(), "import \"gonum.org/v1/gonum/mat\"\nimport gplot \"gonum.org/v1/plot\""); err != nil {
				t.Fatal(err)
			}
		}
		got, ok := e.Doc(c.name)
		if !ok || !strings.HasPrefix(got, c.want) {
			t.Errorf("Doc(%q) = %q, %v; want prefix %q", c.name, got, ok, c.want)
		}
	}
	// Without GOROOT's sources, the signature from the symbol table.
	saved := goroot
	goroot = func() string { return "" }
	stdDocMu.Lock()
	delete(stdDocCache, "strconv")
	stdDocMu.Unlock()
	got, ok := e.doc("strconv.Itoa")
	goroot = saved
	stdDocMu.Lock()
	delete(stdDocCache, "strconv")
	stdDocMu.Unlock()
	if !ok || got != "strconv.Itoa func(int) string" {
		t.Errorf("Doc(strconv.Itoa) without sources = %q, %v", got, ok)
	}
	if _, ok := e.Doc("nnlib.NoSuchThing"); ok {
		t.Error("Doc(nnlib.NoSuchThing) found something")
	}
}

func TestComplete(t *testing.T) {
	e := newEngine(t)
	mustValue(t, e, "import \"gonum.org/v1/gonum/mat\"\nnet := nnlib.WorkedExample()\ntype Point struct{ X, Y int }\nfunc (p Point) Len() int { return p.X + p.Y }\npt := Point{1, 2}\nmyCounter := 3\nmyCounter")
	for _, c := range []struct {
		code       string
		cursor     int // -1 = end
		want       string
		start, end int
	}{
		{"nnlib.WorkedEx", -1, "WorkedExample", 6, 14},
		{"fmt.Print", -1, "Println", 4, 9},
		{"x := fmt.Spr", -1, "Sprintf", 9, 12},
		{"net.Pre", -1, "Predict", 4, 7},
		{"net.Fi", -1, "Fit", 4, 6},
		{"pt.", -1, "X", 3, 3},
		{"pt.Le", -1, "Len", 3, 5},
		{"myCou", -1, "myCounter", 0, 5},
		{"fu", -1, "func", 0, 2},
		{"nnl", -1, "nnlib", 0, 3},
		{"π := 1; myC", -1, "myCounter", 8, 11},
		{"fmt.Printl(x)", 10, "Println", 4, 10},
		{"a := mat.NewDe", -1, "NewDense", 9, 14},
		{"display.Mark", -1, "Markdown", 8, 12},
	} {
		cursor := c.cursor
		if cursor < 0 {
			cursor = len([]rune(c.code))
		}
		got, start, end := e.Complete(c.code, cursor)
		found := false
		for _, m := range got {
			found = found || m == c.want
		}
		if !found || start != c.start || end != c.end {
			t.Errorf("Complete(%q, %d) = %v [%d,%d), want %q in [%d,%d)", c.code, cursor, got, start, end, c.want, c.start, c.end)
		}
	}
	if got, _, _ := e.Complete("f().Pr", 6); len(got) != 0 {
		t.Errorf("Complete(f().Pr) = %v, want nothing", got)
	}
	if got, _, _ := e.Complete("zzzq", 4); len(got) != 0 {
		t.Errorf("Complete(zzzq) = %v", got)
	}
}

func TestInspect(t *testing.T) {
	e := newEngine(t)
	mustValue(t, e, "net := nnlib.WorkedExample()\n// sq squares.\nfunc sq(a int) int { return a * a }\ntype P struct{ X int }\n// Double doubles.\nfunc (p P) Double() int { return 2 * p.X }\np := P{2}\nsq(2)")
	for _, c := range []struct {
		code   string
		cursor int
		want   string
	}{
		{"nnlib.WorkedExample()", 8, "func WorkedExample() *Network"},
		{"nnlib.WorkedExample(", 20, "func WorkedExample() *Network"},
		{"fmt.Println(1)", 6, "func Println("},
		{"net.Fit(d)", 5, "func (n *Network) Fit("},
		{"net", 1, "net *nnlib.Network"},
		{"sq(3)", 1, "func sq(a int) int\n\nsq squares."},
		{"p.Double()", 3, "func (p P) Double() int\n\nDouble doubles."},
		{"p", 1, "p P"},
		{"P{}", 0, "type P struct{ X int }\n\nfunc (p P) Double() int"},
		{"len(xs)", 2, "func len(v Type) int"},
	} {
		got, ok := e.Inspect(c.code, c.cursor)
		if !ok || !strings.HasPrefix(got, c.want) {
			t.Errorf("Inspect(%q, %d) = %q, %v; want prefix %q", c.code, c.cursor, got, ok, c.want)
		}
	}
	if got, ok := e.Inspect("   ", 1); ok {
		t.Errorf("Inspect(blank) = %q", got)
	}
}

func TestIsComplete(t *testing.T) {
	e := newEngine(t)
	for _, c := range []struct{ code, status, indent string }{
		{"", "complete", ""},
		{"x := 1", "complete", ""},
		{"x := 1\n", "complete", ""},
		{"func f() {", "incomplete", "\t"},
		{"func f() {\n\tif true {", "incomplete", "\t\t"},
		{"fmt.Println(1,", "incomplete", "\t"},
		{"x := []int{\n1,\n2,", "incomplete", "\t"},
		{"s := `raw\nstring", "incomplete", ""},
		{"x := 1 +", "incomplete", "\t"},
		{"x := 1 +\n", "incomplete", "\t"},
		{"y := x.", "incomplete", "\t"},
		{"/* comment", "incomplete", ""},
		{"for i := 0; i < 3; i++", "incomplete", ""},
		{"x := )", "invalid", ""},
		{"func f() { ] }", "invalid", ""},
		{"x := \"unterminated\ny := 2", "invalid", ""},
		{"x := 1 2", "invalid", ""},
		{"func f() {}\nf()", "complete", ""},
		{"type T struct {\n\tA int\n}", "complete", ""},
	} {
		status, indent := e.IsComplete(c.code)
		if status != c.status || indent != c.indent {
			t.Errorf("IsComplete(%q) = %q, %q; want %q, %q", c.code, status, indent, c.status, c.indent)
		}
	}
}

func TestSplitCell(t *testing.T) {
	for _, c := range []struct {
		code string
		want string // kinds and texts
	}{
		{"x := 3\nfunc sq(a int) int { return a * a }\nsq(x)", "stmt[x := 3] decl[func sq(a int) int { return a * a }] stmt[sq(x)]"},
		{"import \"fmt\"\nvar a = 1\ntype T int\nfunc (T) M() {}\nfunc() {}()", "import[import \"fmt\"] decl[var a = 1\ntype T int\nfunc (T) M() {}] stmt[func() {}()]"},
		{"a := 1; b := 2\n// comment\nc := a + b", "stmt[a := 1; b := 2\n// comment\nc := a + b]"},
		{"x := 1\n\n// f does.\n// Really.\nfunc f() {}", "stmt[x := 1] decl[// f does.\n// Really.\nfunc f() {}]"},
		{"", ""},
		{"// only a comment", ""},
		{"func (t *T) M(x int) {}", "decl[func (t *T) M(x int) {}]"},
		{"func(x int) { println(x) }(3)", "stmt[func(x int) { println(x) }(3)]"},
	} {
		chunks, err := splitCell(c.code)
		if err != nil {
			t.Errorf("splitCell(%q): %v", c.code, err.msg)
			continue
		}
		var parts []string
		for _, ch := range chunks {
			parts = append(parts, ch.kind.String()+"["+c.code[ch.off:ch.end]+"]")
		}
		if got := strings.Join(parts, " "); got != c.want {
			t.Errorf("splitCell(%q) = %s, want %s", c.code, got, c.want)
		}
	}
}

// FuzzSplitCell checks that chunks are ordered, disjoint, inside the cell,
// and never split a token.
func FuzzSplitCell(f *testing.F) {
	for _, s := range []string{"x := 3\nfunc f() {}\nf()", "import \"fmt\"", "func (", "a := `x", "}}}", "{{{", "var (\n a = 1\n)\nb := a"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, code string) {
		chunks, err := splitCell(code)
		if err != nil {
			if err.off < 0 || err.off > len(code) {
				t.Fatalf("error offset %d outside [0,%d]", err.off, len(code))
			}
			return
		}
		prev := 0
		for _, ch := range chunks {
			if ch.off < prev || ch.end < ch.off || ch.end > len(code) {
				t.Fatalf("chunk [%d,%d) after %d in %d bytes", ch.off, ch.end, prev, len(code))
			}
			prev = ch.end
		}
	})
}

// FuzzIsComplete checks that IsComplete never panics, answers one of the
// three statuses, and that appending a newline to complete code keeps it so.
func FuzzIsComplete(f *testing.F) {
	for _, s := range []string{"x := 1", "func f() {", "`raw", "x := 1 +", ")", "/*", "'a", "\"s"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, code string) {
		status, indent := isComplete(code)
		switch status {
		case "complete", "invalid":
			if indent != "" {
				t.Fatalf("%q: %s with indent %q", code, status, indent)
			}
		case "incomplete":
		default:
			t.Fatalf("%q: status %q", code, status)
		}
		if status == "complete" {
			if s2, _ := isComplete(code + "\n"); s2 != "complete" {
				t.Fatalf("%q complete but with a newline %s", code, s2)
			}
		}
	})
}

func BenchmarkTrivialCell(b *testing.B) {
	e := newEngine(b)
	ctx := context.Background()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := e.Execute(ctx, "1+1", func(Part) {}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N), "µs/cell")
}

func BenchmarkNew(b *testing.B) {
	for i := 0; i < b.N; i++ {
		if _, err := New(); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N), "ms/session")
}

// TestCompiledOutput checks that compiled code writing to os.Stdout and
// os.Stderr (as nnlib would) is captured as the cell's streams, live.
func TestCompiledOutput(t *testing.T) {
	e := newEngine(t)
	err := e.in.Use(interp.Exports{"nnbooktest/nnbooktest": {
		"Say": reflect.ValueOf(func(s string) {
			fmt.Println("out:", s)
			fmt.Fprintln(os.Stderr, "err:", s)
		}),
	}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := e.in.Eval(`import tp "nnbooktest"`); err != nil {
		t.Fatal(err)
	}
	parts, err := run(t, e, context.Background(), "tp.Say(\"a\")\ntime.Sleep(10 * time.Millisecond)\nfmt.Println(\"interpreted\")\ntp.Say(\"b\")")
	if err != nil {
		t.Fatal(err)
	}
	// Each pipe keeps its order; the engine drains both before the
	// interpreter's own (synchronous) fmt output.
	var out, errs strings.Builder
	seenBefore := ""
	for _, p := range parts {
		switch p.Kind {
		case Stdout:
			if strings.Contains(p.Text, "interpreted") {
				seenBefore = out.String() + "|" + errs.String()
			}
			out.WriteString(p.Text)
		case Stderr:
			errs.WriteString(p.Text)
		}
	}
	if out.String() != "out: a\ninterpreted\nout: b\n" || errs.String() != "err: a\nerr: b\n" {
		t.Errorf("stdout %q, stderr %q", out.String(), errs.String())
	}
	if seenBefore != "out: a\n|err: a\n" {
		t.Errorf("before the interpreted line: %q, want both streams of a", seenBefore)
	}
}

// TestBackgroundGoroutine checks that a goroutine running in the background
// delays the next cells once at most: after the first wait it counts as
// stuck, and later cells do not wait for it.
func TestBackgroundGoroutine(t *testing.T) {
	if raceEnabled {
		// A goroutine alive across cells reads yaegi's global frame while
		// the next cell resizes it, without synchronisation (yaegi's design).
		t.Skip("a goroutine running across cells races inside yaegi")
	}
	e := newEngine(t)
	mustValue(t, e, "stop := make(chan bool)\ngo func() { <-stop }()\n1")
	for i := 0; i < 5; i++ {
		mustValue(t, e, "a := 1\nb := 2\na + b")
		e.goMu.Lock()
		running, stuck := e.goRunning, e.goStuck
		e.goMu.Unlock()
		if running != 1 || stuck != 1 {
			t.Fatalf("cell %d: %d goroutines running, %d counted as stuck; want 1 and 1", i, running, stuck)
		}
	}
	mustValue(t, e, "close(stop)\n2")
}

// TestEmitPanic checks that a panicking emit does not kill the process.
func TestEmitPanic(t *testing.T) {
	e := newEngine(t)
	saved := os.Stderr
	err := e.Execute(context.Background(), `os.Stdout.WriteString("x\n"); fmt.Println("y")`, func(Part) { panic("front end bug") })
	os.Stderr = saved
	if err != nil {
		t.Fatal(err)
	}
	if got := mustValue(t, e, "40 + 2"); got != "42" {
		t.Errorf("after a panicking emit: %s", got)
	}
}

// TestVarsDeclaredType checks that Vars lists the type a declaration
// writes, not the dynamic type of the value it holds.
func TestVarsDeclaredType(t *testing.T) {
	tests := []struct {
		name, cell, want string
	}{
		{"error holding a cell type", "type myE struct{}\nfunc (myE) Error() string { return \"my\" }\nvar me error = myE{}", "error"},
		{"nil error", "var e2 error", "error"},
		{"any", "var a any = 3", "any"},
		{"empty interface", "var a interface{} = \"x\"", "interface{}"},
		{"slice of a cell type", "type Celsius float64\nvar a []Celsius", "[]Celsius"},
		{"compiled interface", "var a fmt.Stringer", "fmt.Stringer"},
		{"grouped", "var (\n\tb int\n\ta, c float64 = 1, 2\n)", "float64"},
		{"conversion to a cell type", "type Celsius float64\nvar a = Celsius(2)", "Celsius"},
		{"short definition after a declaration", "var a error\na := 3", "int"},
		{"dynamic type", "a := []string{\"x\"}", "[]string"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := newEngine(t)
			if _, err := run(t, e, context.Background(), tt.cell); err != nil {
				t.Fatal(err)
			}
			for _, v := range e.Vars() {
				if v.Name == "a" || v.Name == "me" || v.Name == "e2" {
					if v.Type != tt.want {
						t.Errorf("Vars lists %s %s, want %s", v.Name, v.Type, tt.want)
					}
					return
				}
			}
			t.Errorf("Vars() = %v: no variable", e.Vars())
		})
	}
}
