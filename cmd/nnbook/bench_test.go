package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// BenchmarkStartToPrompt times the built binary from exec to its first
// prompt on a pseudo-terminal. Goal: under 50 ms; anchor in the same run:
// BenchmarkStartToPromptPython.
func BenchmarkStartToPrompt(b *testing.B) {
	dir := b.TempDir()
	var total time.Duration
	for i := 0; i < b.N; i++ {
		start := time.Now()
		c := startConsole(b, dir, filepath.Join(dir, "history"))
		c.waitPrompt()
		total += time.Since(start)
		c.exit()
	}
	b.ReportMetric(float64(total.Microseconds())/1000/float64(b.N), "ms-to-prompt")
}

// BenchmarkStartToPromptPython is the same-run anchor of
// BenchmarkStartToPrompt: /usr/bin/python3 from exec to its first ">>> "
// prompt on the same kind of pseudo-terminal.
func BenchmarkStartToPromptPython(b *testing.B) {
	const python = "/usr/bin/python3"
	if _, err := os.Stat(python); err != nil {
		b.Skip("no /usr/bin/python3 for the anchor")
	}
	dir := b.TempDir()
	env := append(os.Environ(), "TERM=xterm-256color", "NO_COLOR=1", "HOME="+dir, "PYTHONSTARTUP=")
	var total time.Duration
	for i := 0; i < b.N; i++ {
		start := time.Now()
		c := startProgram(b, dir, env, python, "-q")
		c.expect(">>> ")
		total += time.Since(start)
		c.send("\x04")
		<-c.done
		c.cmd.Wait()
	}
	b.ReportMetric(float64(total.Microseconds())/1000/float64(b.N), "ms-to-prompt")
}

// BenchmarkStartToFirstValue times exec to the value of a first entry typed
// at once ("1+1"): the prompt shows while the engine still loads, so this
// includes the engine's start-up.
func BenchmarkStartToFirstValue(b *testing.B) {
	dir := b.TempDir()
	var total time.Duration
	for i := 0; i < b.N; i++ {
		start := time.Now()
		c := startConsole(b, dir, filepath.Join(dir, "history"))
		c.waitPrompt()
		c.send("1+1\r")
		c.expect("2 // int")
		total += time.Since(start)
		c.waitPrompt()
		c.exit()
	}
	b.ReportMetric(float64(total.Microseconds())/1000/float64(b.N), "ms-to-value")
}

// seedPython10k is the seed's pure-Python time for 10,000 single-sample
// steps of the worked example (../shared/bench/README.md, median of 7).
const seedPython10k = 38.0 // ms

// BenchmarkTrainLoop10k types, at the prompt, an interpreted for loop of
// 10,000 calls to the one-step Train of nnlib.WorkedExample() and times it
// from Enter to its value. Goal: faster than the seed's Python (38 ms).
func BenchmarkTrainLoop10k(b *testing.B) {
	dir := b.TempDir()
	c := startConsole(b, dir, filepath.Join(dir, "history"))
	c.waitPrompt()
	c.enter("n := nnlib.WorkedExample()")
	c.enter("in, tg := nnlib.WorkedInput(), nnlib.WorkedTarget()")
	c.enter("k := 0")
	var total time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		c.send("for i := 0; i < 10000; i++ { n.Train(in, tg) }; k++; k\r")
		start := time.Now()
		c.expect(fmt.Sprintf("%d // int", i+1))
		total += time.Since(start)
		c.waitPrompt()
	}
	b.StopTimer()
	ms := float64(total.Microseconds()) / 1000 / float64(b.N)
	b.ReportMetric(ms, "ms/10k-steps")
	b.ReportMetric(seedPython10k/ms, "x-seed-python-38ms")
	if py, ok := seedPythonNow(); ok {
		// The same anchor timed now, on the same (shared, noisy) machine.
		b.ReportMetric(py, "ms-seed-python-now")
		b.ReportMetric(py/ms, "x-seed-python-now")
	}
	c.send("n.Steps()\r")
	c.expect(fmt.Sprintf("%d // int", 10000*b.N))
	c.exit()
}

// seedPythonNow times the seed's pure-Python 10,000 steps now (median of
// 5 runs), when /usr/bin/python3 and ../shared/bench/seed_backprop.py (or
// $NNBOOK_SHARED/bench) are there.
func seedPythonNow() (ms float64, ok bool) {
	shared := os.Getenv("NNBOOK_SHARED")
	if shared == "" {
		wd, _ := os.Getwd()
		for d := wd; d != filepath.Dir(d); d = filepath.Dir(d) {
			if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
				shared = filepath.Join(d, "..", "shared")
				break
			}
		}
	}
	bench := filepath.Join(shared, "bench")
	if _, err := os.Stat(filepath.Join(bench, "seed_backprop.py")); err != nil {
		return 0, false
	}
	const script = `
import statistics, sys, time
sys.path.insert(0, ".")
import seed_backprop as seed
ts = []
for _ in range(5):
    nn = seed.make_blog_network()
    t0 = time.perf_counter()
    for _ in range(10000):
        nn.train([0.05, 0.1], [0.01, 0.99])
    ts.append(time.perf_counter() - t0)
print(statistics.median(ts) * 1000)
`
	cmd := exec.Command("/usr/bin/python3", "-c", script)
	cmd.Dir = bench
	out, err := cmd.Output()
	if err != nil {
		return 0, false
	}
	ms, err = strconv.ParseFloat(strings.TrimSpace(string(out)), 64)
	return ms, err == nil
}
