package notebooks

import (
	"context"
	"flag"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/nnbook/nnbook/internal/atomicfile"
	"github.com/nnbook/nnbook/kernel"
	"github.com/nnbook/nnbook/kernel/compile"
	"github.com/nnbook/nnbook/nnlib"
)

var update = flag.Bool("update", false, "rewrite the tutorial notebooks with the outputs of a fresh run")

// tutorial describes one committed notebook and what its outputs must show.
type tutorial struct {
	file     string
	mnist    bool     // needs the MNIST files; skipped with -short
	compiled bool     // has compiled cells; skipped where they cannot work (compiledAvailable)
	want     []string // substrings of the fresh outputs (key numbers)
	// html are substrings of the text/html outputs, fresh and committed: the
	// rich forms (Trace, History) that Jupyter shows as tables.
	html []string
	// tol is the relative tolerance when comparing the numbers of the
	// committed outputs with a fresh run (absolute for |x| < 1).
	tol   float64
	check func(t *testing.T, text string)
}

// workedExampleHTML is what notebook 01 (in either language) shows as tables:
// the Trace's rows of w5 and w1 with the seed's numbers, and the History of
// 10,000 updates with its sparkline.
var workedExampleHTML = []string{
	"<th>param</th><th>path</th><th>∂net/∂param</th><th>∂E/∂param = δ·∂net/∂param</th><th>old</th><th>new</th>",
	"<tr><td>w5</td><td>h1→o1</td><td>0.5932699921</td><td>0.08216704056</td><td>0.4</td><td>0.3589164797</td></tr>",
	"<tr><td>w1</td><td>i1→h1</td><td>0.05</td><td>0.0004385677345</td><td>0.15</td><td>0.1497807161</td></tr>",
	"E_total = 0.2983711088 → 0.2910277737",
	"<b>History: 10000 epochs", "<th>epoch</th><th>loss</th><th>elapsed</th>", "<svg",
}

// The key numbers come from the seed's worked example (nnlib/testdata/blog-example.json):
// E_total before training 0.298371109; after one update 0.29102777 (exact) and
// 0.291027924 (published, reproduced by the variant); after 10,000 updates 3.51e-05.
var tutorials = []tutorial{
	{file: "01-backprop-by-hand.ipynb", tol: 1e-9, want: []string{
		"E_total = 0.298371109",
		"∂E/∂w5 = 0.741365070 × 0.186815602 × 0.593269992 = 0.082167041",
		"new w5 = w5 − η·∂E/∂w5 = 0.40 − 0.5 × 0.082167041 = 0.35891648",
		"∂E/∂w1 = 0.036350306 × 0.241300709 × 0.05 = 0.000438568",
		"new w1 = 0.15 − 0.5 × 0.000438568 = 0.149780716",
		"w5     h1→o1", "w1     i1→h1", // the trace rows
		"E_total after one update: 0.29102777",
		"after 10000 updates: E_total = 3.51e-05",
		"exact 0.291027774   variant 0.291027924",
		"variant 0.000035085",
		"variant [0.015912196, 0.984065734]",
	}, html: workedExampleHTML},
	{file: "01-backprop-by-hand.zh.ipynb", tol: 1e-9, want: []string{
		"E_total = 0.298371109",
		"= 0.082167041",
		"= 0.000438568",
		"w5     h1→o1", "w1     i1→h1",
		"一次更新后 E_total = 0.29102777",
		"E_total = 3.51e-05",
		"变体 0.291027924",
		"变体 [0.015912196, 0.984065734]",
	}, html: workedExampleHTML},
	{file: "02-xor.ipynb", tol: 1e-6, want: []string{
		"2-1    loss 0.12500  accuracy 0.50",
		"2-2-1  loss", "2-3-1  loss",
		"loss is +Inf",
	}, html: []string{
		"<b>History &#34;2-1&#34;: 5000 epochs", "<th>epoch</th><th>loss</th><th>accuracy</th><th>elapsed</th>",
		"<tr><td>5000</td><td>0.125</td><td>50.00%</td>", "<svg",
		"<b>History &#34;linear output, lr=5&#34;",
	}, check: func(t *testing.T, text string) {
		for _, name := range []string{"2-2-1", "2-3-1"} {
			if !regexp.MustCompile(regexp.QuoteMeta(name) + `\s+loss [0-9.]+\s+accuracy 1\.00`).MatchString(text) {
				t.Errorf("%s does not learn XOR (accuracy 1.00) in the outputs", name)
			}
		}
	}},
	{file: "03-activations-losses-optimizers.ipynb", tol: 1e-6, want: []string{"sigmoid", "tanh", "relu", "cross-entropy", "Adam(0.02)"}},
	{file: "04-iris.ipynb", tol: 1e-6, want: []string{"accuracy", "same weights: true"}, html: []string{
		"<b>History: 150 epochs", "<th>epoch</th><th>loss</th><th>accuracy</th><th>val loss</th><th>val accuracy</th><th>elapsed</th>",
	}, check: func(t *testing.T, text string) {
		acc := lastFloat(t, text, `loaded network: test accuracy ([0-9.]+)`)
		if acc < 0.9 {
			t.Errorf("iris test accuracy %.3f, want ≥ 0.9", acc)
		}
	}},
	{file: "05-mnist.ipynb", mnist: true, tol: 0.02, check: func(t *testing.T, text string) {
		acc := lastFloat(t, text, `test accuracy: ([0-9.]+)`)
		if acc < 0.97 {
			t.Errorf("MNIST test accuracy %.4f, want ≥ 0.97", acc)
		}
	}},
	{file: "06-gradient-check.ipynb", tol: 1e-6, want: []string{"PASS: every relative error", "FAIL: 10 of 10 parameters", "pass: true"}},
	// The gonum/mat forward and backward pass reproduce the reference file's
	// net_h1, out_o1, E_total, δ_o1, δ_h1, dE_dw5, dE_dw1 and the updated w5, w1.
	{file: "07-gonum.ipynb", tol: 1e-9, want: []string{
		"net_h1 = 0.377500000   out_h1 = 0.593269992",
		"net_o1 = 1.105905967   out_o1 = 0.751365070",
		"E_total = 0.298371109",
		"δ_o1 = 0.138498562   δ_h1 = 0.008771355",
		"∂E/∂w5 = 0.082167041   ∂E/∂w1 = 0.000438568",
		"new w5 = 0.358916480   new w1 = 0.149780716",
		"largest |gonum − nnlib| over the 8 gradients",
		`gonum plot "σ and its derivative"`, `gonum plot "E_total while training (log scale)"`,
	}, check: func(t *testing.T, text string) {
		if !regexp.MustCompile(`over the 8 gradients: (0\.0e\+00|\d\.\de-1[6-9])\s+true`).MatchString(text) {
			t.Errorf("the gonum gradients do not match nnlib's to 1e-15")
		}
	}},
	// 08 needs compiled cells (the go command and a C compiler, as CI has).
	{file: "08-compiled-cells.ipynb", compiled: true, tol: 1e-12, want: []string{
		"3.510187782978859e-05 (interpreted", "3.510187782978859e-05 (compiled",
		"after 1 update: E_total = 0.291027774",
	}},
}

func lastFloat(t *testing.T, text, pattern string) float64 {
	t.Helper()
	ms := regexp.MustCompile(pattern).FindAllStringSubmatch(text, -1)
	if len(ms) == 0 {
		t.Fatalf("no match for %q in the outputs", pattern)
	}
	v, err := strconv.ParseFloat(ms[len(ms)-1][1], 64)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// mnistAvailable reports whether the MNIST files can be found, skipping
// when they cannot (failing instead with NNBOOK_REQUIRE_MNIST=1) and always
// skipping with -short.
func mnistAvailable(t *testing.T) bool {
	t.Helper()
	if testing.Short() {
		t.Skip("skipping MNIST in -short mode")
	}
	if _, err := nnlib.MNISTDir(); err != nil {
		if os.Getenv("NNBOOK_REQUIRE_MNIST") == "1" {
			t.Fatalf("MNIST files missing and NNBOOK_REQUIRE_MNIST=1: %v", err)
		}
		t.Skipf("skipping: MNIST files not found (%v)", err)
	}
	return true
}

// TestTutorials runs every tutorial notebook with the runner on the real
// engine, checks its key numbers, validates the result with nbformat and
// checks that the committed outputs match the fresh ones. With -update it
// writes the fresh outputs back to the notebooks.
func TestTutorials(t *testing.T) {
	for _, tu := range tutorials {
		t.Run(strings.TrimSuffix(tu.file, ".ipynb"), func(t *testing.T) {
			if tu.mnist {
				mnistAvailable(t)
			}
			if tu.compiled {
				compiledAvailable(t)
			}
			committed := readNotebook(t, tu.file)
			fresh := readNotebook(t, tu.file)
			eng, err := kernel.New()
			if err != nil {
				t.Fatal(err)
			}
			start := time.Now()
			if err := Run(context.Background(), fresh, eng, Options{Name: tu.file, Timeout: 5 * time.Minute}); err != nil {
				t.Fatalf("run: %v", err)
			}
			t.Logf("%s ran in %v", tu.file, time.Since(start).Round(time.Millisecond))
			data, err := fresh.Write()
			if err != nil {
				t.Fatal(err)
			}
			tmp := filepath.Join(t.TempDir(), tu.file)
			if err := os.WriteFile(tmp, data, 0o644); err != nil {
				t.Fatal(err)
			}
			validateNbformat(t, tmp)

			text := outputText(fresh)
			for _, w := range tu.want {
				if !strings.Contains(text, w) {
					t.Errorf("fresh outputs lack %q", w)
				}
			}
			if tu.check != nil {
				tu.check(t, text)
			}
			rich := map[string]*Notebook{"fresh": fresh}
			if !*update {
				rich["committed"] = committed
			}
			for name, nb := range rich {
				html := outputHTML(nb)
				for _, w := range tu.html {
					if !strings.Contains(html, w) {
						t.Errorf("%s text/html outputs lack %q", name, w)
					}
				}
			}
			if last := fresh.Cells[len(fresh.Cells)-1]; last.Type != "markdown" || !strings.Contains(last.Source, "## Exercises") && !strings.Contains(last.Source, "## 练习") {
				t.Errorf("the notebook does not end with exercises")
			}
			if *update {
				if err := atomicfile.WriteFile(tu.file, data, 0o666); err != nil {
					t.Fatal(err)
				}
				return
			}
			compareOutputs(t, committed, fresh, tu.tol)
		})
	}
}

// outputText is every text output of the notebook, concatenated.
func outputText(nb *Notebook) string {
	var b strings.Builder
	for _, c := range nb.Cells {
		for _, o := range c.Outputs {
			b.WriteString(o.PlainText())
			b.WriteString("\n")
		}
	}
	return b.String()
}

// outputHTML is every text/html output of the notebook, concatenated.
func outputHTML(nb *Notebook) string {
	var b strings.Builder
	for _, c := range nb.Cells {
		for _, o := range c.Outputs {
			if s, ok := o.Data.Text("text/html"); ok {
				b.WriteString(s)
				b.WriteString("\n")
			}
		}
	}
	return b.String()
}

// durationPattern matches the timings that legitimately differ between runs.
var durationPattern = regexp.MustCompile(`\b\d+(\.\d+)?(ns|µs|us|ms|s|m|h)\b|\b\d+m\d+(\.\d+)?s\b`)

var numberPattern = regexp.MustCompile(`[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?`)

// cellShape summarises a code cell's outputs in a form that is stable across
// runs: the stream texts per stream, and the list of rich outputs (type,
// MIME types, text) in order.
type cellShape struct {
	streams map[string]string
	rich    []string
	texts   []string
}

// compileProgress matches the line a compiled cell prints while a slow
// build runs.
var compileProgress = regexp.MustCompile(`(?m)^` + regexp.QuoteMeta(compile.ProgressPrefix) + `.*\n`)

func shapeOf(c *Cell) cellShape {
	s := cellShape{streams: map[string]string{}}
	for _, o := range c.Outputs {
		switch o.Type {
		case "stream":
			// A compiled cell's progress line depends on the build cache.
			s.streams[o.Name] += compileProgress.ReplaceAllString(o.Text, "")
		default:
			var kinds []string
			for _, m := range o.Data.MIMETypes() {
				if m == "image/png" {
					if png, ok := o.Data.PNG(); !ok || len(png) < 100 {
						m = "image/png(broken)"
					}
				}
				kinds = append(kinds, m)
			}
			s.rich = append(s.rich, fmt.Sprintf("%s%v", o.Type, kinds))
			s.texts = append(s.texts, o.PlainText())
		}
	}
	return s
}

func compareOutputs(t *testing.T, committed, fresh *Notebook, tol float64) {
	t.Helper()
	if len(committed.Cells) != len(fresh.Cells) {
		t.Fatalf("committed notebook has %d cells, fresh %d", len(committed.Cells), len(fresh.Cells))
	}
	for i, c := range committed.Cells {
		if c.Type != "code" {
			continue
		}
		if c.ExecutionCount == nil {
			t.Errorf("cell %d: committed without outputs (execution_count null); run: go test ./notebooks -run TestTutorials -update", i+1)
			continue
		}
		a, b := shapeOf(c), shapeOf(fresh.Cells[i])
		if fmt.Sprint(a.rich) != fmt.Sprint(b.rich) {
			t.Errorf("cell %d: committed outputs %v, fresh %v", i+1, a.rich, b.rich)
			continue
		}
		for _, name := range []string{"stdout", "stderr"} {
			compareNumbers(t, fmt.Sprintf("cell %d %s", i+1, name), a.streams[name], b.streams[name], tol)
		}
		for k := range a.texts {
			compareNumbers(t, fmt.Sprintf("cell %d output %s", i+1, a.rich[k]), a.texts[k], b.texts[k], tol)
		}
	}
}

// compareNumbers reports where the numbers of two output texts differ.
func compareNumbers(t *testing.T, where, committed, fresh string, tol float64) {
	t.Helper()
	if msg := numbersDiffer(committed, fresh, tol); msg != "" {
		t.Errorf("%s: %s", where, msg)
	}
}

// numbersDiffer checks that two texts have the same numbers (timings masked)
// within tol, and the same words; it returns "" when they do.
func numbersDiffer(committed, fresh string, tol float64) string {
	committed = durationPattern.ReplaceAllString(committed, "‹time›")
	fresh = durationPattern.ReplaceAllString(fresh, "‹time›")
	na, nb := numberPattern.FindAllString(committed, -1), numberPattern.FindAllString(fresh, -1)
	wa, wb := numberPattern.ReplaceAllString(committed, "#"), numberPattern.ReplaceAllString(fresh, "#")
	if len(na) != len(nb) || strings.Join(strings.Fields(wa), " ") != strings.Join(strings.Fields(wb), " ") {
		return fmt.Sprintf("committed output differs from a fresh run:\n--- committed\n%s\n--- fresh\n%s", clip(committed), clip(fresh))
	}
	for k := range na {
		x, errx := strconv.ParseFloat(na[k], 64)
		y, erry := strconv.ParseFloat(nb[k], 64)
		if errx != nil || erry != nil {
			continue
		}
		// A number printed with few digits may round the other way on another
		// machine (FMA, SIMD): allow one unit in its last printed digit.
		slack := math.Max(lastDigit(na[k]), lastDigit(nb[k]))
		if d := math.Abs(x - y); d > tol*math.Max(1, math.Max(math.Abs(x), math.Abs(y)))+slack*1.000001 {
			return fmt.Sprintf("number %d is %s committed, %s fresh", k+1, na[k], nb[k])
		}
	}
	return ""
}

// lastDigit is the value of one unit in the last printed digit of a number
// token: 0.001 for "0.125", 1e-07 for "3.51e-05", 1 for "9746".
func lastDigit(tok string) float64 {
	mant, exp := tok, 0
	if i := strings.IndexAny(tok, "eE"); i >= 0 {
		mant = tok[:i]
		exp, _ = strconv.Atoi(tok[i+1:])
	}
	decimals := 0
	if i := strings.IndexByte(mant, '.'); i >= 0 {
		decimals = len(mant) - i - 1
	}
	return math.Pow(10, float64(exp-decimals))
}

func clip(s string) string {
	if len(s) > 2000 {
		return s[:2000] + "…"
	}
	return s
}

// TestCompareNumbers checks the comparison the tutorial test relies on.
func TestCompareNumbers(t *testing.T) {
	for tok, want := range map[string]float64{"0.125": 0.001, "3.51e-05": 1e-07, "9746": 1, "-2.5E+3": 100} {
		if got := lastDigit(tok); math.Abs(got-want) > want*1e-9 {
			t.Errorf("lastDigit(%q) = %g, want %g", tok, got, want)
		}
	}
	tests := []struct {
		a, b string
		ok   bool
	}{
		{"loss 0.25 in 12ms", "loss 0.25 in 3.1s", true},
		{"loss 0.25", "loss 0.27", false},
		{"loss 0.25", "loss 0.25000000001", true},
		{"loss 0.25", "accuracy 0.25", false},
		{"a 1 2", "a 1", false},
		{"training took 1m3s", "training took 58s", true},
		{"loss 0.12345", "loss 0.12346", true}, // one unit in the last digit
		{"loss 0.12345", "loss 0.12347", false},
		{"E 3.51e-05", "E 3.52e-05", true},
		{"E 3.51e-05", "E 3.71e-05", false},
	}
	for _, tt := range tests {
		msg := numbersDiffer(tt.a, tt.b, 1e-6)
		if (msg == "") != tt.ok {
			t.Errorf("numbersDiffer(%q, %q) = %q, want ok=%v", tt.a, tt.b, msg, tt.ok)
		}
	}
}
