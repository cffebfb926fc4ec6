package kernel

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/nnbook/nnbook/kernel/compile"
)

// seedPython is the seed's own Python (../shared/bench, beside the repository).
const seedPython = "../../shared/bench/seed_backprop.py"

// timedCall runs "expr" in a cell that measures it and returns the time.
func timedCall(b *testing.B, e *Engine, expr string) time.Duration {
	b.Helper()
	out, err := runCell(b, e, "__t0 := time.Now()\n"+expr+"\nfmt.Println(int64(time.Since(__t0)))")
	if err != nil {
		b.Fatal(err)
	}
	ns, err := strconv.ParseInt(strings.TrimSpace(out), 10, 64)
	if err != nil {
		b.Fatalf("%q: %v", out, err)
	}
	return time.Duration(ns)
}

// pythonSeed10k times 10,000 steps of the seed's Python network in one
// python3 process (best of 3, the interpreter's start not counted).
func pythonSeed10k(b *testing.B) (time.Duration, bool) {
	dir, err := filepath.Abs(filepath.Dir(seedPython))
	if err != nil {
		return 0, false
	}
	if _, err := os.Stat(seedPython); err != nil {
		return 0, false
	}
	script := `import sys, time
sys.path.insert(0, sys.argv[1])
import seed_backprop as s
best = 1e9
for _ in range(3):
    nn = s.make_blog_network()
    t = time.perf_counter()
    for i in range(10000):
        nn.train(s.BLOG_INPUTS, s.BLOG_TARGETS)
    best = min(best, time.perf_counter() - t)
print(int(best * 1e9))`
	out, err := exec.Command("/usr/bin/python3", "-c", script, dir).Output()
	if err != nil {
		return 0, false
	}
	ns, err := strconv.ParseInt(strings.TrimSpace(string(out)), 10, 64)
	return time.Duration(ns), err == nil
}

// BenchmarkCompiledSeed10k times the seed network written by hand in Go
// (testdata/compiled/seednet.cell), 10,000 training steps, interpreted and
// compiled in the same run, and the seed's CPython when it is there.
//
//	go test -run '^$' -bench CompiledSeed10k -benchtime 3x ./kernel/
func BenchmarkCompiledSeed10k(b *testing.B) {
	interp := compiledEngine(b)
	comp := compiledEngine(b)
	src := seedNet(b)
	if _, err := runCell(b, interp, src); err != nil {
		b.Fatal(err)
	}
	if _, err := runCell(b, comp, compile.Directive+"\n"+src); err != nil {
		b.Fatal(err)
	}
	var ti, tc time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		ti += timedCall(b, interp, "TrainSteps(10000)")
		tc += timedCall(b, comp, "TrainSteps(10000)")
	}
	b.StopTimer()
	n := float64(b.N)
	b.ReportMetric(float64(ti.Microseconds())/1000/n, "interp-ms")
	b.ReportMetric(float64(tc.Microseconds())/1000/n, "compiled-ms")
	b.ReportMetric(float64(ti)/float64(tc), "x-vs-interp")
	if tp, ok := pythonSeed10k(b); ok {
		b.ReportMetric(float64(tp.Microseconds())/1000, "python-ms")
		b.ReportMetric(float64(tp)/(float64(tc)/n), "x-vs-python")
	}
}

// BenchmarkCompiledCall times a call of a compiled function from an
// interpreted loop, less the same loop without the call.
//
//	go test -run '^$' -bench CompiledCall ./kernel/
func BenchmarkCompiledCall(b *testing.B) {
	e := compiledEngine(b)
	if _, err := runCell(b, e, compile.Directive+"\nfunc inc(x int) int { return x + 1 }\n"); err != nil {
		b.Fatal(err)
	}
	const n = 100000
	if _, err := runCell(b, e, "s := 0"); err != nil {
		b.Fatal(err)
	}
	var with, without time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		with += timedCall(b, e, fmt.Sprintf("for i := 0; i < %d; i++ { s = inc(s) }", n))
		without += timedCall(b, e, fmt.Sprintf("for i := 0; i < %d; i++ { s = s + 1 }", n))
	}
	b.StopTimer()
	calls := float64(n * b.N)
	b.ReportMetric(float64(with.Nanoseconds())/calls, "ns/iter-with-call")
	b.ReportMetric(float64((with-without).Nanoseconds())/calls, "ns/call")
}

// fiftyLines is a 50-line compiled cell; salt makes each build distinct.
func fiftyLines(salt int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s\nconst salt = %d\n\n", compile.Directive, salt)
	b.WriteString("type layer struct {\n\tW    [][]float64\n\tB    []float64\n\tOut  []float64\n}\n\n")
	b.WriteString("func newLayer(in, out int) *layer {\n\tl := &layer{B: make([]float64, out), Out: make([]float64, out)}\n\tfor i := 0; i < out; i++ {\n\t\trow := make([]float64, in)\n\t\tfor j := range row {\n\t\t\trow[j] = float64(i+j+salt) / 100\n\t\t}\n\t\tl.W = append(l.W, row)\n\t}\n\treturn l\n}\n\n")
	b.WriteString("func (l *layer) forward(x []float64) []float64 {\n\tfor i, row := range l.W {\n\t\ts := l.B[i]\n\t\tfor j, w := range row {\n\t\t\ts += w * x[j]\n\t\t}\n\t\tl.Out[i] = 1 / (1 + math.Exp(-s))\n\t}\n\treturn l.Out\n}\n\n")
	b.WriteString("func run(steps int) float64 {\n\tl1, l2 := newLayer(4, 8), newLayer(8, 2)\n\tx := []float64{0.1, 0.2, 0.3, 0.4}\n\tsum := 0.0\n\tfor i := 0; i < steps; i++ {\n\t\tout := l2.forward(l1.forward(x))\n\t\tsum += out[0] - out[1]\n\t}\n\treturn sum\n}\n\n")
	b.WriteString("func describe() string {\n\treturn fmt.Sprintf(\"two layers, salt %d\", salt)\n}\n")
	return b.String()
}

// BenchmarkCompileWarm times building and loading a new 50-line compiled
// cell with Go's build cache warm (each iteration a distinct source).
//
//	go test -run '^$' -bench CompileWarm -benchtime 3x ./kernel/
func BenchmarkCompileWarm(b *testing.B) {
	e := compiledEngine(b)
	salt := int(time.Now().UnixNano() % 1e9)
	if _, err := runCell(b, e, fiftyLines(salt)); err != nil { // warms the cache for this package set
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := runCell(b, e, fiftyLines(salt+i+1)); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	b.ReportMetric(b.Elapsed().Seconds()/float64(b.N), "s/compile")
}

var coldCompile = flag.Bool("cold", false, "BenchmarkCompileCold: build with an empty Go build cache (slow: Go rebuilds the runtime and nnlib for plugins)")

// BenchmarkCompileCold times the first compiled cell on a fresh machine:
// an empty GOCACHE and plugin cache. Opt-in with -cold.
//
//	go test ./kernel/ -run '^$' -bench CompileCold -benchtime 1x -cold
func BenchmarkCompileCold(b *testing.B) {
	if !*coldCompile {
		b.Skip("pass -cold (slow)")
	}
	h, err := compile.DetectHost()
	if err != nil {
		b.Skip(err)
	}
	for i := 0; i < b.N; i++ {
		b.Setenv("GOCACHE", b.TempDir())
		progress := ""
		bl := &compile.Builder{Host: h, Dir: b.TempDir(), Progress: func(line string) { progress = line }}
		if _, err := bl.Build(context.Background(), compile.Cell{Source: fiftyLines(i), Imports: Preloaded}); err != nil {
			b.Fatal(err)
		}
		if progress == "" {
			b.Error("no progress line during a cold build")
		}
	}
	b.ReportMetric(b.Elapsed().Seconds()/float64(b.N), "s/compile")
}
