package plot

import (
	"math"
	"strings"
	"testing"

	"github.com/nnbook/nnbook/nnlib"
)

// history builds a History by hand: loss l(e), validation v(e) when v is
// not nil, accuracy a(e) when a is not nil.
func history(name string, epochs int, l, v, a func(e int) float64) *nnlib.History {
	h := &nnlib.History{Name: name}
	for e := 1; e <= epochs; e++ {
		s := nnlib.EpochStats{Epoch: e, Loss: l(e)}
		if v != nil {
			s.HasVal, s.ValLoss = true, v(e)
		}
		if a != nil {
			s.HasAccuracy, s.Accuracy = true, a(e)
			if v != nil {
				s.ValAccuracy = a(e) * 0.95
			}
		}
		h.Epochs = append(h.Epochs, s)
	}
	return h
}

func decay(rate float64) func(int) float64 {
	return func(e int) float64 { return math.Exp(-float64(e) * rate) }
}

func rising(e int) float64 { return 1 - 0.5*math.Exp(-float64(e)/10) }

func names(ss []Series) string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = s.Name
	}
	return strings.Join(out, ", ")
}

func TestLossOneRunWithValidation(t *testing.T) {
	h := history("", 50, decay(0.05), decay(0.04), nil)
	f := Loss(h)
	ss := f.Series()
	if got := names(ss); got != "train, validation" {
		t.Fatalf("series = %s, want train, validation", got)
	}
	if ss[0].X[0] != 1 || ss[0].X[49] != 50 || ss[0].Y[49] != h.Epochs[49].Loss || ss[1].Y[49] != h.Epochs[49].ValLoss {
		t.Fatalf("series do not hold the history: %v / %v", ss[0], ss[1])
	}
	if f.IsLogY() {
		t.Fatalf("loss 0.95 → 0.082 (1.1 decades) drawn on a log axis")
	}
	img := decode(t, f)
	if n := countNear(img, Color(0), 30); n < 300 {
		t.Fatalf("only %d blue pixels: curves missing", n)
	}
	if got := f.String(); got != `Figure "Loss" 640×480 (2 series)` {
		t.Errorf("String() = %q", got)
	}
}

// Three learning rates on one figure: three colours, named by History.Name.
func TestLossSeveralRuns(t *testing.T) {
	hs := []*nnlib.History{
		history("lr=0.1", 100, decay(0.01), nil, nil),
		history("lr=0.5", 100, decay(0.05), nil, nil),
		history("lr=2.0", 100, decay(0.2), nil, nil),
	}
	f := Loss(hs...)
	if got := names(f.Series()); got != "lr=0.1, lr=0.5, lr=2.0" {
		t.Fatalf("series = %s", got)
	}
	if !f.IsLogY() {
		t.Fatal("losses down to e^-20 (8.7 decades) on a linear axis")
	}
	img := decode(t, f)
	for i := range 3 {
		if n := countNear(img, Color(i), 30); n < 200 {
			t.Errorf("run %d: only %d pixels of its colour %v", i, n, Color(i))
		}
	}
	// Unnamed runs are numbered.
	if got := names(Loss(history("", 3, decay(1), nil, nil), history("", 3, decay(1), decay(1), nil)).Series()); got != "run 1, run 2, run 2 validation" {
		t.Errorf("unnamed runs = %s", got)
	}
}

func TestLossDivergedRun(t *testing.T) {
	h := history("lr=40", 10, func(e int) float64 {
		if e > 6 {
			return math.NaN()
		}
		if e == 6 {
			return math.Inf(1)
		}
		return math.Pow(10, float64(e))
	}, nil, nil)
	f := Loss(h, history("lr=0.5", 10, decay(0.1), nil, nil))
	s := f.Series()[0]
	if !s.Diverged || s.Dropped != 5 || s.MarkX != 5 || s.MarkY != 1e5 {
		t.Fatalf("diverged run = %v (mark %v, %v); want 5 dropped, mark at epoch 5", s, s.MarkX, s.MarkY)
	}
	if n := countNear(decode(t, f), red, 30); n < 20 {
		t.Fatalf("only %d red pixels: the ✗ is missing", n)
	}
}

func TestLossStepsWorkedExample(t *testing.T) {
	net := nnlib.WorkedExample()
	h, err := net.Fit(nnlib.WorkedExampleData(), nnlib.FitOptions{Epochs: 10000, BatchSize: 1, RecordSteps: true})
	if err != nil {
		t.Fatal(err)
	}
	f := LossSteps(h)
	s := f.Series()[0]
	// Seed README: E_total = 0.298371109 before the first update, and
	// 3.5101878e-05 after 10,000 (reference/blog-example.json); the last
	// recorded step is the loss just before the 10,000th update.
	if len(s.X) != 10000 || !approx(s.Y[0], 0.298371109, 1e-8) || !approx(s.Y[9999], 3.5101878e-05, 1e-3) {
		t.Fatalf("worked-example curve = %v; want 10000 steps, 0.298371109 → 3.51e-05", s)
	}
	if !f.IsLogY() {
		t.Fatal("the worked example's 0.298 → 3.5e-5 curve is on a linear axis")
	}
	if f.Plots()[0].X.Label.Text != "step" {
		t.Fatalf("x label %q, want step", f.Plots()[0].X.Label.Text)
	}
	requireDrawn(t, decode(t, f), 5000)
	// Loss (by epoch) of the same run: one step per epoch here.
	if got := len(Loss(h).Series()[0].X); got != 10000 {
		t.Fatalf("Loss by epoch has %d points, want 10000", got)
	}
}

func TestLossPicksStepsWhenNoEpochs(t *testing.T) {
	h := &nnlib.History{Steps: []float64{1, 0.5, 0.25}}
	f := Loss(h)
	if f.Plots()[0].X.Label.Text != "step" || len(f.Series()[0].X) != 3 {
		t.Fatalf("a history with only steps: x label %q, series %v", f.Plots()[0].X.Label.Text, f.Series())
	}
}

func TestHistoryErrors(t *testing.T) {
	noSteps := history("lr=0.5", 3, decay(1), nil, nil)
	tests := []struct {
		name string
		f    *Figure
		want string
	}{
		{"no history", Loss(), "plot.Loss: no history given"},
		{"nil history", Loss(noSteps, nil), "plot.Loss: history 2 of 2 is nil"},
		{"steps missing", LossSteps(noSteps), `history "lr=0.5" has no per-step losses`},
		{"no accuracy", Accuracy(noSteps), "plot.Accuracy: no history has accuracies"},
		{"accuracy nil", Accuracy(nil), "plot.Accuracy: history 1 of 1 is nil"},
		{"both nil", LossAndAccuracy(nil), "plot.LossAndAccuracy: history 1 of 1 is nil"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := tc.f.PNG()
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error = %v, want it to contain %q", err, tc.want)
			}
			if !strings.Contains(tc.f.String(), "error: ") {
				t.Fatalf("String() = %q hides the error", tc.f.String())
			}
		})
	}
}

func TestAccuracy(t *testing.T) {
	h := history("", 40, decay(0.1), decay(0.1), rising)
	f := Accuracy(h)
	if got := names(f.Series()); got != "train, validation" {
		t.Fatalf("series = %s", got)
	}
	if f.IsLogY() || f.LogY(true).IsLogY() {
		t.Fatal("an accuracy axis is never logarithmic")
	}
	p := f.Plots()[0]
	if p.Y.Min > 0 || p.Y.Max < 1 || p.Y.Label.Text != "accuracy" {
		t.Fatalf("y axis %v..%v %q, want at least 0..1 labelled accuracy", p.Y.Min, p.Y.Max, p.Y.Label.Text)
	}
	if n := countNear(decode(t, f), Color(0), 30); n < 200 {
		t.Fatalf("only %d blue pixels", n)
	}
}

func TestLossAndAccuracy(t *testing.T) {
	hs := []*nnlib.History{
		history("lr=0.1", 30, decay(0.05), nil, rising),
		history("lr=1", 30, decay(0.2), nil, func(e int) float64 { return 0.8 * rising(e) }),
	}
	f := LossAndAccuracy(hs...)
	if w, h := f.Dims(); w != 1120 || h != 440 || len(f.Plots()) != 2 {
		t.Fatalf("%v: want two panels in 1120×440", f)
	}
	if got := names(f.Series()); got != "lr=0.1, lr=1, lr=0.1, lr=1" {
		t.Fatalf("series = %s", got)
	}
	img := decode(t, f)
	// Each half has both colours.
	for i := range 2 {
		left, right := 0, 0
		c := Color(i)
		for y := 0; y < 440; y++ {
			for x := 0; x < 1120; x++ {
				r, g, b, _ := img.At(x, y).RGBA()
				if iabs(int(r>>8)-int(c.R))+iabs(int(g>>8)-int(c.G))+iabs(int(b>>8)-int(c.B)) < 30 {
					if x < 560 {
						left++
					} else {
						right++
					}
				}
			}
		}
		if left < 100 || right < 100 {
			t.Errorf("run %d: %d pixels in the loss panel, %d in the accuracy panel", i, left, right)
		}
	}
	// Without accuracies: the loss alone.
	f = LossAndAccuracy(history("", 5, decay(1), nil, nil))
	if len(f.Plots()) != 1 || f.String() != `Figure "Loss" 640×480 (1 series)` {
		t.Fatalf("without accuracy: %v", f)
	}
}

// A real run: the figure shows exactly what Fit recorded.
func TestLossOfRealFit(t *testing.T) {
	d := nnlib.TwoMoons(100, 0.1, 1)
	train, val := d.Split(0.8, 1)
	net := nnlib.New(2, 6, 2)
	h, err := net.Fit(train, nnlib.FitOptions{Epochs: 20, BatchSize: 10, Validation: val})
	if err != nil {
		t.Fatal(err)
	}
	ss := LossAndAccuracy(h).Series()
	if len(ss) != 4 {
		t.Fatalf("got %d series (%s), want train and validation loss and accuracy", len(ss), names(ss))
	}
	want := [][]float64{h.Losses(), h.ValLosses(), h.Accuracies(), h.ValAccuracies()}
	for i, s := range ss {
		for e := range want[i] {
			if s.Y[e] != want[i][e] {
				t.Fatalf("%s epoch %d = %v, history has %v", s.Name, e+1, s.Y[e], want[i][e])
			}
		}
	}
}
