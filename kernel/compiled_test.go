package kernel

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/nnbook/nnbook/kernel/compile"
)

// compiledEngine returns a session, skipping when compiled cells cannot
// work here (the skip names why) unless NNBOOK_REQUIRE_COMPILE=1 (CI).
func compiledEngine(t testing.TB) *Engine {
	t.Helper()
	if _, err := CompiledCellsStatus(); err != nil {
		if os.Getenv("NNBOOK_REQUIRE_COMPILE") == "1" {
			t.Fatalf("%v, and NNBOOK_REQUIRE_COMPILE=1", err)
		}
		t.Skip(err)
	}
	e, err := New()
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// run executes a cell and returns its text output and error.
func runCell(t testing.TB, e *Engine, code string) (string, error) {
	t.Helper()
	var out strings.Builder
	err := e.Execute(context.Background(), code, func(p Part) {
		switch p.Kind {
		case Stdout:
			out.WriteString(p.Text)
		case Stderr:
			// The build's progress line comes when a build is slow (under
			// load, or the first on a machine): not part of the cell's output.
			if !strings.HasPrefix(p.Text, compile.ProgressPrefix) {
				out.WriteString(p.Text)
			}
		case Value:
			out.WriteString(p.Text)
		}
	})
	return out.String(), err
}

func TestCompiledCellSession(t *testing.T) {
	e := compiledEngine(t)
	steps := []struct{ code, want, err string }{
		{"//nnbook:compile\ntype point struct{ X, Y float64 }\n\nfunc (p point) Norm() float64 { return math.Hypot(p.X, p.Y) }\n\nvar calls int\n\nconst scale = 2\n\nfunc norm(x, y float64) float64 { calls++; return point{x, y}.Norm() * scale }\n", "", ""},
		{"norm(3, 4)", "10", ""},
		{"calls", "1", ""},
		{"calls = 40\ncalls", "40", ""},
		{"p := point{6, 8}\np.Norm()", "10", ""},
		{"scale * 0.5", "1", ""},
		{"//nnbook:compile\nfunc twice() float64 { calls++; return norm(6, 8) * 2 }\n", "", ""},
		{"twice()", "40", ""},
		{"calls", "42", ""},
		{"//nnbook:compile\nfunc bad() int {\n\treturn calls + nope\n}\n", "", "3:17: undefined: nope"},
		{"//nnbook:compile\nfunc larger[T int | float64](a, b T) T {\n\tif a > b {\n\t\treturn a\n\t}\n\treturn b\n}\n\nfunc useLarger() int { return larger(1, 2) }\n", "", ""},
		{"useLarger()", "2", ""},
		{"larger(1, 2)", "", "undefined: larger"},
		{"here := 2", "", ""},
		{"//nnbook:compile\nfunc alsoBad() int { return here }\n", "", "2:29: undefined: here (it is defined by an interpreted cell; a compiled cell sees only the names of earlier compiled cells)"},
		{"//nnbook:compile\nimport \"golang.org/x/exp/slices\"\n\nvar s = slices.Max([]int{1})\n", "", "2:8: package golang.org/x/exp/slices is not available to compiled cells"},
		{"//nnbook:compile\nfunc (p point) Twice() float64 { return 2 * p.Norm() }\n", "", "2:9: cannot define new methods on non-local type point"},
		{"//nnbook:compile\nfunc boom(i int) int { s := []int{1}; return s[i] }\n", "", ""},
		{"boom(3)", "", "panic: runtime error: index out of range [3] with length 1"},
		{"calls", "42", ""},
		{"//nnbook:compile\ntype acc struct{ sum float64 }\n\nfunc (a *acc) add(x float64) { a.sum += x }\n", "", ""},
		{"a := &acc{}\na.add(1)", "", "acc.add is unexported, and interpreted cells reach a compiled cell's values through reflection"},
		{"a.sum", "", "acc.sum is unexported"},
		{"fmt.Printf(\"%v %T\\n\", a, a)", "&{0} *cell.acc", ""},
	}
	for _, s := range steps {
		got, err := runCell(t, e, s.code)
		if s.err != "" {
			if err == nil || !strings.Contains(err.Error(), s.err) {
				t.Errorf("%q: error %v, want %q", s.code, err, s.err)
			}
			continue
		}
		if err != nil {
			t.Fatalf("%q: %v", s.code, err)
		}
		if strings.TrimSpace(got) != s.want {
			t.Errorf("%q = %q, want %q", s.code, got, s.want)
		}
	}
	_ = compile.Directive
}

// seedNet is the seed's network written by hand in Go (testdata).
func seedNet(t testing.TB) string {
	t.Helper()
	b, err := os.ReadFile("testdata/compiled/seednet.cell")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestCompiledSameAnswers runs the seed network interpreted and compiled:
// the digits `go run` of the same declarations prints (3.510187782978859e-05,
// also the seed's Python's).
func TestCompiledSameAnswers(t *testing.T) {
	e := compiledEngine(t)
	src := seedNet(t)
	// go run is the judge.
	prog := filepath.Join(t.TempDir(), "main.go")
	if err := os.WriteFile(prog, []byte("package main\n\nimport (\n\t\"fmt\"\n\t\"math\"\n)\n\n"+src+"\nfunc main() { fmt.Println(TrainSteps(10000)) }\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("go", "run", prog).CombinedOutput()
	if err != nil {
		t.Fatalf("go run: %v\n%s", err, out)
	}
	want := strings.TrimSpace(string(out))
	for _, c := range []struct{ name, cell string }{
		{"interpreted", src},
		{"compiled", compile.Directive + "\n" + src},
	} {
		if _, err := runCell(t, e, c.cell); err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		got, err := runCell(t, e, "TrainSteps(10000)")
		if err != nil || strings.TrimSpace(got) != want {
			t.Errorf("%s: TrainSteps(10000) = %q, %v; want %s", c.name, got, err, want)
		}
		got, err = runCell(t, e, "nn := BlogNetwork()\nnn.Train([]float64{0.05, 0.1}, []float64{0.01, 0.99})\nfmt.Printf(\"%.9f %T\\n\", nn.Output.Neurons[0].Weights[0], nn)")
		if err != nil || !strings.HasPrefix(got, "0.358916480") {
			t.Errorf("%s: one step: %q, %v", c.name, got, err)
		}
	}
	if d, ok := e.Inspect("TrainSteps", 10); !ok || !strings.Contains(d, "func TrainSteps(steps int) float64") || !strings.Contains(d, "fresh blog network") {
		t.Errorf("Inspect(TrainSteps) = %q, %v", d, ok)
	}
	if d, ok := e.Inspect("Neuron", 6); !ok || !strings.Contains(d, "type Neuron struct") || !strings.Contains(d, "func (n *Neuron) Delta(target float64) float64") {
		t.Errorf("Inspect(Neuron) = %q, %v", d, ok)
	}
	if m, _, _ := e.Complete("TrainS", 6); len(m) != 1 || m[0] != "TrainSteps" {
		t.Errorf("Complete(TrainS) = %v", m)
	}
	if m, _, _ := e.Complete("nn.Feed", 7); len(m) != 1 || m[0] != "FeedForward" {
		t.Errorf("Complete(nn.Feed) = %v", m)
	}
}

func TestCompiledPanicAndRerun(t *testing.T) {
	e := compiledEngine(t)
	cell := "//nnbook:compile\nvar hits = 5\n\nfunc at(i int) int {\n\ts := []int{1}\n\thits++\n\treturn s[i]\n}\n"
	if _, err := runCell(t, e, cell); err != nil {
		t.Fatal(err)
	}
	_, err := runCell(t, e, "x := 1\nat(x + 2)")
	var ce *CellError
	if !errors.As(err, &ce) || ce.Name != "Panic" || ce.Value != "runtime error: index out of range [3] with length 1" {
		t.Fatalf("err = %#v", err)
	}
	if tb := strings.Join(ce.Traceback, "\n"); !strings.Contains(tb, "at at line 7 (compiled)") {
		t.Errorf("traceback does not name the compiled frame:\n%s", tb)
	}
	if got, err := runCell(t, e, "hits"); err != nil || strings.TrimSpace(got) != "6" {
		t.Errorf("hits = %q, %v (the session survives)", got, err)
	}
	// Running the cell again loads a new build: hits starts at 5 again.
	if _, err := runCell(t, e, cell); err != nil {
		t.Fatal(err)
	}
	if got, err := runCell(t, e, "hits"); err != nil || strings.TrimSpace(got) != "5" {
		t.Errorf("hits after re-running = %q, %v", got, err)
	}
}

// TestCompiledInterrupt interrupts a compiled loop that checks nothing
// (named in the reply) and one that trains with nnlib (stopped).
func TestCompiledInterrupt(t *testing.T) {
	e := compiledEngine(t)
	cell := `//nnbook:compile
import "sync/atomic"

var stop atomic.Bool
var started = make(chan bool, 1)
var stopped = make(chan bool, 1)

func spin() int {
	started <- true
	n := 0
	for !stop.Load() {
		n++
	}
	stopped <- true
	return n
}

func fit() int {
	net := nnlib.WorkedExample()
	started <- true
	for i := 0; ; i++ {
		if _, err := net.Train(nnlib.WorkedInput(), nnlib.WorkedTarget()); err != nil {
			return i
		}
	}
}
`
	if _, err := runCell(t, e, cell); err != nil {
		t.Fatal(err)
	}
	started := e.compiledSymbol(t, "started").Interface().(chan bool)
	for _, c := range []struct{ call, want string }{
		// The line is where the loop was when the interrupt came: 11 or 12.
		{"spin()", `the compiled function spin \(line 1[12] of its cell\) does not check the cell's context`},
		{"fit()", ""},
	} {
		ctx, cancel := context.WithCancel(context.Background())
		go func() { <-started; cancel() }()
		start := time.Now()
		err := e.Execute(ctx, c.call, nil)
		t.Logf("%s interrupted after %v", c.call, time.Since(start))
		var ce *CellError
		if !errors.As(err, &ce) || ce.Name != "Interrupted" {
			t.Fatalf("%s: err = %v", c.call, err)
		}
		tb := strings.Join(ce.Traceback, "\n")
		if c.want != "" && !regexp.MustCompile(c.want).MatchString(tb) || c.want == "" && strings.Contains(tb, "compiled function") {
			t.Errorf("%s: traceback:\n%s", c.call, tb)
		}
		if c.call == "spin()" {
			// Later cells wait while the interrupted spin still runs, so the
			// test ends it from outside, through the compiled variable.
			sv := e.compiledSymbol(t, "stop")
			if !sv.CanAddr() {
				t.Fatalf("stop (%v) is not the compiled variable's storage", sv.Type())
			}
			stop := sv.Addr().Interface().(*atomic.Bool)
			stop.Store(true)
			<-e.compiledSymbol(t, "stopped").Interface().(chan bool) // gone before the next interrupt looks
			if _, err := runCell(t, e, "stop.Load()"); err != nil {
				t.Fatal(err)
			}
		}
	}
}

// compiledSymbol returns a compiled name's value as the interpreter has it.
func (e *Engine) compiledSymbol(t *testing.T, name string) reflect.Value {
	t.Helper()
	b, ok := e.comp.names[name]
	if !ok {
		t.Fatalf("%s is not compiled", name)
	}
	return compiledSymbols(b.Path)[name]
}

// TestCompiledUnavailable: where compiled cells cannot work, the cell fails
// with the cause at line 1 and nothing else changes; with
// NNBOOK_COMPILE=interpret it runs interpreted, with a note.
func TestCompiledUnavailable(t *testing.T) {
	compileBuilder() // detect once, then pretend it failed
	saved, savedErr := builder, hostErr
	t.Cleanup(func() { builder, hostErr = saved, savedErr })
	builder, hostErr = nil, &compile.Problem{Cause: "the go command is not on PATH", Fix: "install Go"}

	e, err := New()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := runCell(t, e, "x := 1"); err != nil {
		t.Fatal(err)
	}
	cell := "//nnbook:compile\nfunc seven() int { return 7 }\n"
	_, err = runCell(t, e, cell)
	var ce *CellError
	if !errors.As(err, &ce) || ce.Line != 1 || ce.Value != "compiled cells are not available here: the go command is not on PATH; install Go" {
		t.Fatalf("err = %v", err)
	}
	if got, err := runCell(t, e, "x"); err != nil || strings.TrimSpace(got) != "1" {
		t.Errorf("x = %q, %v after the failed cell", got, err)
	}
	if _, err := runCell(t, e, "seven()"); err == nil {
		t.Error("seven is defined although its cell failed")
	}
	t.Setenv(CompileFallbackEnv, "interpret")
	out, err := runCell(t, e, cell+"\nseven() * 6")
	if err != nil || !strings.Contains(out, "running the cell interpreted (NNBOOK_COMPILE=interpret)") || !strings.HasSuffix(strings.TrimSpace(out), "42") {
		t.Errorf("fallback: %q, %v", out, err)
	}
}

// TestCompiledLibraries: a compiled cell uses gonum and nnlib/plot (the
// session's imports are the cell's); its figure shows as a PNG.
func TestCompiledLibraries(t *testing.T) {
	e := compiledEngine(t)
	cell := `//nnbook:compile
import "gonum.org/v1/gonum/mat"

func det() float64 { return mat.Det(mat.NewDense(2, 2, []float64{1, 2, 3, 4})) }

func boundary() *plot.Figure {
	n := nnlib.WorkedExample()
	return plot.Boundary(n, nnlib.WorkedExampleData())
}
`
	if _, err := runCell(t, e, cell); err != nil {
		t.Fatal(err)
	}
	if got, err := runCell(t, e, "math.Round(det())"); err != nil || strings.TrimSpace(got) != "-2" {
		t.Errorf("det() = %q, %v", got, err)
	}
	var png []byte
	err := e.Execute(context.Background(), "boundary()", func(p Part) {
		if p.Kind == Value {
			png = p.Data["image/png"]
		}
	})
	if err != nil || len(png) < 100 || string(png[1:4]) != "PNG" {
		t.Errorf("boundary(): %d bytes of PNG, %v", len(png), err)
	}
}
