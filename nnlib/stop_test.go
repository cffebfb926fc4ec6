package nnlib

import (
	"context"
	"errors"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// sameNetwork fails unless a and b hold the same parameters, optimizer state,
// step count and shuffle position, bit for bit.
func sameNetwork(t *testing.T, a, b *Network) {
	t.Helper()
	same := func(what string, x, y []float64) {
		t.Helper()
		if len(x) != len(y) {
			t.Fatalf("%s: %d values, want %d", what, len(x), len(y))
		}
		for i := range x {
			if math.Float64bits(x[i]) != math.Float64bits(y[i]) {
				t.Fatalf("%s[%d] (%s) = %v, want %v", what, i, a.ParamName(i), x[i], y[i])
			}
		}
	}
	same("params", a.params, b.params)
	same("velocity", a.state.vel, b.state.vel)
	same("Adam m", a.state.m, b.state.m)
	same("Adam v", a.state.v, b.state.v)
	if a.state.t != b.state.t || a.steps != b.steps || a.shuffle != b.shuffle || a.t0 != b.t0 {
		t.Fatalf("state: Adam t %d, steps %d, shuffle %v, t0 %v; want %d, %d, %v, %v",
			a.state.t, a.steps, a.shuffle, a.t0, b.state.t, b.steps, b.shuffle, b.t0)
	}
}

// withCell runs f with a cell context that cancel stops, then clears it.
func withCell(t *testing.T, f func(cancel context.CancelFunc)) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	SetCellContext(ctx)
	defer SetCellContext(nil)
	defer cancel()
	f(cancel)
}

// TestFitErrorRestores: every way Fit can fail leaves the network exactly as
// before the call: interrupted (by its Context or the cell's, between epochs,
// on the transposed first-layer path and the plain one), diverged to NaN with
// Adam, or a callback that panics.
func TestFitErrorRestores(t *testing.T) {
	wide := func() *Network {
		n, _ := Build([]int{300, 40, 10}, WithHidden(ReLU), WithLoss(CrossEntropy), WithOptimizer(Adam(0.01)), WithSeed(3))
		return n
	}
	small := func() *Network {
		n, _ := Build([]int{4, 8, 3}, WithLoss(CrossEntropy), WithOptimizer(Momentum(0.1, 0.9)), WithSeed(4))
		return n
	}
	absurd := func() *Network {
		n, _ := Build([]int{4, 8, 3}, WithOutput(Linear), WithLoss(MSE), WithOptimizer(Adam(1e300)), WithSeed(4))
		return n
	}
	tests := []struct {
		name string
		net  func() *Network
		data *Dataset
		opts FitOptions
		how  string // "ctx", "cell", "nan", "panic"
	}{
		{"wide layer 0 (transposed), own context", wide, bigData(96, 300, 10), FitOptions{Epochs: 5, BatchSize: 32, Shuffle: true}, "ctx"},
		{"wide layer 0 (transposed), cell context", wide, bigData(96, 300, 10), FitOptions{Epochs: 5, BatchSize: 32}, "cell"},
		{"online, momentum", small, bigData(40, 4, 3), FitOptions{Epochs: 5, BatchSize: 1, Shuffle: true}, "cell"},
		{"full batch in chunks", small, bigData(2100, 4, 3), FitOptions{Epochs: 5}, "ctx"},
		{"with validation", small, bigData(40, 4, 3), FitOptions{Epochs: 5, BatchSize: 8, Validation: bigData(600, 4, 3)}, "cell"},
		{"Adam diverges to NaN", absurd, bigData(40, 4, 3), FitOptions{Epochs: 50, BatchSize: 4}, "nan"},
		{"OnEpoch panics", small, bigData(40, 4, 3), FitOptions{Epochs: 5, BatchSize: 4}, "panic"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			net := tt.net()
			if tt.how != "nan" { // optimizer state and steps are non-trivial before the call
				if _, err := net.Fit(tt.data, FitOptions{Epochs: 1, BatchSize: 5}); err != nil {
					t.Fatal(err)
				}
			}
			before := net.Clone()
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			opts := tt.opts
			epochs := 0
			switch tt.how {
			case "ctx":
				opts.Context = ctx
				opts.OnEpoch = func(EpochStats) {
					if epochs++; epochs == 2 {
						cancel()
					}
				}
			case "cell":
				SetCellContext(ctx)
				defer SetCellContext(nil)
				opts.OnEpoch = func(EpochStats) {
					if epochs++; epochs == 2 {
						cancel()
					}
				}
			case "panic":
				opts.OnEpoch = func(EpochStats) {
					if epochs++; epochs == 2 {
						panic("callback fails")
					}
				}
			}
			var err error
			func() {
				defer func() {
					if r := recover(); r != nil {
						err = errors.New(r.(string))
					}
				}()
				_, err = net.Fit(tt.data, opts)
			}()
			switch {
			case err == nil:
				t.Fatal("Fit returned no error")
			case tt.how == "nan" && !strings.Contains(err.Error(), "loss is"):
				t.Fatalf("err = %v, want a non-finite loss", err)
			case (tt.how == "ctx" || tt.how == "cell") && !errors.Is(err, context.Canceled):
				t.Fatalf("err = %v, want context.Canceled", err)
			}
			sameNetwork(t, net, before)
		})
	}
}

func TestFitBatchSizeNegative(t *testing.T) {
	net := New(2, 3, 1)
	before := net.Clone()
	_, err := net.Fit(XOR(), FitOptions{Epochs: 1, BatchSize: -5})
	if err == nil || !strings.Contains(err.Error(), "expected BatchSize ≥ 0") || !strings.Contains(err.Error(), "got -5") {
		t.Fatalf("err = %v, want one naming BatchSize ≥ 0 and -5", err)
	}
	sameNetwork(t, net, before)
}

// TestGradCheckStopped: a cell stopped while GradCheck has a parameter
// perturbed returns an error and leaves every parameter at its exact value.
func TestGradCheckStopped(t *testing.T) {
	for _, at := range []int{1, 2, 7, 30} { // the loss evaluation during which the cell stops
		net, _ := Build([]int{3, 4, 2}, WithHidden(Tanh), WithLoss(CrossEntropy), WithSeed(8))
		before := net.Clone()
		withCell(t, func(cancel context.CancelFunc) {
			calls := 0
			gcProbe = func() {
				if calls++; calls == at {
					cancel()
				}
			}
			defer func() { gcProbe = nil }()
			r, err := GradCheck(net, []float64{0.1, -0.4, 0.7}, []float64{0, 1})
			if !errors.Is(err, context.Canceled) || r != nil {
				t.Fatalf("stopped at evaluation %d: report %v, err %v; want no report and context.Canceled", at, r, err)
			}
			if !strings.Contains(err.Error(), "GradCheck stopped after") {
				t.Errorf("err = %v", err)
			}
		})
		sameNetwork(t, net, before)
	}
}

// TestStoppedCell: the calls that read or predict over a whole data set
// return an error wrapping the cell context's cause once it is done.
func TestStoppedCell(t *testing.T) {
	net, _ := Build([]int{4, 8, 3}, WithLoss(CrossEntropy))
	d := bigData(1000, 4, 3)
	dir := t.TempDir()
	writeMiniMNIST(t, dir)
	csvPath := filepath.Join(dir, "d.csv")
	if err := os.WriteFile(csvPath, []byte("a,b,y\n1,2,3\n4,5,6\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	calls := []struct {
		name string
		f    func() error
	}{
		{"Evaluate", func() error { _, err := net.Evaluate(d); return err }},
		{"TotalError", func() error { _, err := net.TotalError(d); return err }},
		{"PredictBatch", func() error { _, err := net.PredictBatch(d.Inputs); return err }},
		{"Predictions", func() (err error) {
			defer func() { err, _ = recover().(error) }()
			Predictions(net, d)
			return nil
		}},
		{"Accuracy", func() (err error) {
			defer func() { err, _ = recover().(error) }()
			Accuracy(net, d)
			return nil
		}},
		{"LoadMNIST", func() error { _, _, err := LoadMNIST(dir); return err }},
		{"LoadCSV", func() error { _, err := LoadCSV(csvPath, CSVOptions{}); return err }},
	}
	for _, c := range calls {
		if err := c.f(); err != nil {
			t.Fatalf("%s before the stop: %v", c.name, err)
		}
		before := net.Clone()
		withCell(t, func(cancel context.CancelFunc) {
			cancel()
			if err := c.f(); !errors.Is(err, context.Canceled) {
				t.Errorf("%s under a stopped cell: err = %v, want context.Canceled", c.name, err)
			}
		})
		sameNetwork(t, net, before)
	}
}

func TestPredictNaN(t *testing.T) {
	net := New(2, 3, 1)
	if _, err := net.Predict([]float64{0.5, math.NaN()}); err == nil || !strings.Contains(err.Error(), "input 1 is NaN") {
		t.Errorf("Predict(NaN): err = %v, want one naming input 1", err)
	}
	if _, err := net.PredictBatch([][]float64{{0, 1}, {math.NaN(), 1}}); err == nil || !strings.Contains(err.Error(), "row 1: input 0 is NaN") {
		t.Errorf("PredictBatch(NaN): err = %v, want one naming row 1, input 0", err)
	}
}

// TestTrainErrorsLeaveNetwork: a step that is not taken (a non-finite loss)
// leaves the network exactly as before, on every path of Train and
// TrainBatch, also the transposed first layer's.
func TestTrainErrorsLeaveNetwork(t *testing.T) {
	nan := math.NaN()
	for _, opt := range []Optimizer{SGD(0.1), Momentum(0.1, 0.9), Adam(0.01)} {
		for _, sizes := range [][]int{{2, 2, 2}, {4, 8, 3}, {300, 128, 10}} {
			n, _ := Build(sizes, WithOptimizer(opt))
			before := n.Clone()
			in, k := sizes[0], sizes[len(sizes)-1]
			x := make([]float64, in)
			x[0] = nan
			y := make([]float64, k)
			if _, err := n.Train(x, y); err == nil || !strings.Contains(err.Error(), "input 0 is NaN") {
				t.Errorf("%v %v: Train on NaN: %v, want an error naming input 0", opt, sizes, err)
			}
			xs := [][]float64{make([]float64, in), x, make([]float64, in)}
			ys := [][]float64{y, y, y}
			if _, err := n.TrainBatch(xs, ys); err == nil || !strings.Contains(err.Error(), "sample 1: input 0 is NaN") {
				t.Errorf("%v %v: TrainBatch on NaN: %v, want an error naming sample 1", opt, sizes, err)
			}
			d := &Dataset{Inputs: xs, Targets: ys}
			if _, err := n.Fit(d, FitOptions{Epochs: 1, BatchSize: 3}); err == nil || !strings.Contains(err.Error(), "row 1 of the data: input 0 is NaN") {
				t.Errorf("%v %v: Fit on NaN: %v, want an error naming row 1", opt, sizes, err)
			}
			sameNetwork(t, n, before)
		}
	}
}
