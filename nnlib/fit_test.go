package nnlib

import (
	"context"
	"errors"
	"math"
	"strings"
	"testing"
)

// xorData is the XOR truth table (built inline, independent of the data helper).
func xorData() *Dataset {
	return &Dataset{Name: "xor",
		Inputs:  [][]float64{{0, 0}, {0, 1}, {1, 0}, {1, 1}},
		Targets: [][]float64{{0}, {1}, {1}, {0}},
		Labels:  []int{0, 1, 1, 0}}
}

func TestXOR231(t *testing.T) {
	net := New(2, 3, 1) // sigmoid, squared error, SGD lr 0.5, Xavier, seed 1
	h, err := net.Fit(xorData(), FitOptions{Epochs: 2000, BatchSize: 1, Shuffle: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(h.Epochs) != 2000 {
		t.Fatalf("%d epochs", len(h.Epochs))
	}
	loss, _ := net.Evaluate(xorData())
	if loss >= 0.01 || h.Last().Loss >= 0.01 {
		t.Fatalf("XOR loss %v (history %v), want < 0.01", loss, h.Last().Loss)
	}
	if h.Last().Accuracy != 1 || !h.Last().HasAccuracy {
		t.Errorf("accuracy %v", h.Last().Accuracy)
	}
	for i, x := range xorData().Inputs {
		out, _ := net.Predict(x)
		if math.Abs(out[0]-xorData().Targets[i][0]) > 0.2 {
			t.Errorf("XOR %v → %v", x, out)
		}
	}
}

// TestFitModes: every optimizer and batch mode learns XOR (2-4-1).
func TestFitModes(t *testing.T) {
	cases := []struct {
		name  string
		opt   Optimizer
		batch int
		epoch int
	}{
		{"sgd online", SGD(2), 1, 1500},
		{"sgd full batch", SGD(5), 0, 4000},
		{"sgd mini-batch", SGD(3), 2, 2000},
		{"momentum online", Momentum(0.5, 0.9), 1, 800},
		{"adam full batch", Adam(0.05), 0, 1000},
		{"adam mini-batch", Adam(0.05), 2, 600},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			net, err := Build([]int{2, 4, 1}, WithOptimizer(c.opt), WithSeed(3))
			if err != nil {
				t.Fatal(err)
			}
			h, err := net.Fit(xorData(), FitOptions{Epochs: c.epoch, BatchSize: c.batch, Shuffle: true})
			if err != nil {
				t.Fatal(err)
			}
			if l := h.Last().Loss; l > 0.02 {
				t.Errorf("%s: final loss %v", c.name, l)
			}
		})
	}
}

func TestFitDeterministic(t *testing.T) {
	run := func() (*Network, *History) {
		net, _ := Build([]int{2, 5, 2}, WithHidden(Tanh), WithLoss(CrossEntropy), WithOptimizer(Adam(0.01)), WithSeed(7))
		d := &Dataset{Inputs: [][]float64{{0, 0}, {0, 1}, {1, 0}, {1, 1}, {0.5, 0.2}},
			Targets: [][]float64{{1, 0}, {0, 1}, {0, 1}, {1, 0}, {0, 1}}, Labels: []int{0, 1, 1, 0, 1}}
		h, err := net.Fit(d, FitOptions{Epochs: 50, BatchSize: 2, Shuffle: true, RecordSteps: true})
		if err != nil {
			t.Fatal(err)
		}
		return net, h
	}
	a, ha := run()
	b, hb := run()
	for i := 0; i < a.NumParams(); i++ {
		if a.Param(i) != b.Param(i) {
			t.Fatalf("param %s differs: %v vs %v", a.ParamName(i), a.Param(i), b.Param(i))
		}
	}
	for i := range ha.Steps {
		if ha.Steps[i] != hb.Steps[i] {
			t.Fatalf("step %d loss differs", i)
		}
	}
	if len(ha.Steps) != 150 {
		t.Errorf("recorded %d steps, want 150", len(ha.Steps))
	}
	c, _ := Build([]int{2, 5, 2}, WithSeed(8))
	d, _ := Build([]int{2, 5, 2}, WithSeed(7))
	if c.Param(0) == d.Param(0) {
		t.Error("different seeds gave the same first weight")
	}
}

// TestOptimizerFormulas checks one or two steps against PyTorch's formulas by
// hand on a 1-1 linear network with MSE (E = (w·x + b − t)²).
func TestOptimizerFormulas(t *testing.T) {
	mk := func(o Optimizer) *Network {
		n, err := Build([]int{1, 1}, WithOutput(Linear), WithLoss(MSE), WithOptimizer(o))
		if err != nil {
			t.Fatal(err)
		}
		n.SetWeight(0, 0, 0, 0.5)
		n.SetBias(0, 0, 0.1)
		return n
	}
	x, y := []float64{2}, []float64{3}
	grad := func(w, b float64) (float64, float64) { r := w*x[0] + b - y[0]; return 2 * r * x[0], 2 * r }

	// Momentum μ=0.9, lr=0.1: v1 = g1; p1 = p0 − lr v1; v2 = μ v1 + g2; p2 = p1 − lr v2
	n := mk(Momentum(0.1, 0.9))
	w, b := 0.5, 0.1
	gw, gb := grad(w, b)
	vw, vb := gw, gb
	w, b = w-0.1*vw, b-0.1*vb
	gw, gb = grad(w, b)
	vw, vb = 0.9*vw+gw, 0.9*vb+gb
	w, b = w-0.1*vw, b-0.1*vb
	n.Train(x, y)
	n.Train(x, y)
	if !near(n.Weight(0, 0, 0), w, 1e-15) || !near(n.Bias(0, 0), b, 1e-15) {
		t.Errorf("momentum: got %v %v, want %v %v", n.Weight(0, 0, 0), n.Bias(0, 0), w, b)
	}

	// Adam: two steps
	n = mk(Adam(0.01))
	p := []float64{0.5, 0.1}
	m, v := []float64{0, 0}, []float64{0, 0}
	for step := 1; step <= 2; step++ {
		gw, gb := grad(p[0], p[1])
		g := []float64{gw, gb}
		for i := range p {
			m[i] = 0.9*m[i] + 0.1*g[i]
			v[i] = 0.999*v[i] + 0.001*g[i]*g[i]
			mh := m[i] / (1 - math.Pow(0.9, float64(step)))
			vh := v[i] / (1 - math.Pow(0.999, float64(step)))
			p[i] -= 0.01 * mh / (math.Sqrt(vh) + 1e-8)
		}
		n.Train(x, y)
	}
	if !near(n.Weight(0, 0, 0), p[0], 1e-15) || !near(n.Bias(0, 0), p[1], 1e-15) {
		t.Errorf("adam: got %v %v, want %v", n.Weight(0, 0, 0), n.Bias(0, 0), p)
	}
	if s := Adam(0.001).String(); s != "Adam(lr=0.001, β1=0.9, β2=0.999, ε=1e-08)" {
		t.Errorf("Adam string %q", s)
	}
}

func bigData(n, in, out int) *Dataset {
	d := &Dataset{}
	r := newSplitmix(5, 9)
	for i := 0; i < n; i++ {
		x := make([]float64, in)
		for j := range x {
			x[j] = r.float()
		}
		y := make([]float64, out)
		y[i%out] = 1
		d.Inputs = append(d.Inputs, x)
		d.Targets = append(d.Targets, y)
		d.Labels = append(d.Labels, i%out)
	}
	return d
}

func TestFitCancel(t *testing.T) {
	net, _ := Build([]int{50, 64, 10}, WithHidden(ReLU), WithLoss(CrossEntropy), WithSeed(2))
	d := bigData(200, 50, 10)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var epochs int
	h, err := net.Fit(d, FitOptions{Epochs: 1000000, BatchSize: 1, Context: ctx,
		OnEpoch: func(EpochStats) {
			if epochs++; epochs == 3 {
				cancel()
			}
		}})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	if epochs != len(h.Epochs) || epochs != 3 {
		t.Errorf("History has %d epochs, OnEpoch saw %d, want 3", len(h.Epochs), epochs)
	}
	if !strings.Contains(err.Error(), "epochs finished") {
		t.Errorf("error %q", err)
	}
	out, err := net.Predict(d.Inputs[0])
	if err != nil || math.IsNaN(out[0]) {
		t.Errorf("network after cancel: %v %v", out, err)
	}
	// the cell context is used when Options.Context is nil
	ctx2, cancel2 := context.WithCancel(context.Background())
	cancel2()
	SetCellContext(ctx2)
	defer SetCellContext(nil)
	if _, err := net.Fit(d, FitOptions{Epochs: 5}); !errors.Is(err, context.Canceled) {
		t.Errorf("cell context: err = %v", err)
	}
	// an interrupted loop of Train calls stops changing the network
	w := WorkedExample()
	before := w.Params()
	if _, err := w.Train(WorkedInput(), WorkedTarget()); !errors.Is(err, context.Canceled) {
		t.Errorf("Train under a cancelled cell: %v", err)
	}
	if _, err := w.TrainBatch(xorData().Inputs[:1], [][]float64{{0, 0}}); !errors.Is(err, context.Canceled) {
		t.Errorf("TrainBatch under a cancelled cell: %v", err)
	}
	for i, p := range w.Params() {
		if p != before[i] {
			t.Fatal("network changed under a cancelled cell")
		}
	}
	SetCellContext(nil)
	if _, err := w.Train(WorkedInput(), WorkedTarget()); err != nil {
		t.Errorf("Train after clearing the cell context: %v", err)
	}
	if CellContext() != context.Background() {
		t.Error("CellContext after reset is not Background")
	}
}

func TestFitNaN(t *testing.T) {
	net, _ := Build([]int{1, 3, 1}, WithOutput(Linear), WithLoss(MSE), WithLearningRate(1e6))
	d := &Dataset{Inputs: [][]float64{{1}, {2}, {3}}, Targets: [][]float64{{10}, {20}, {30}}}
	h, err := net.Fit(d, FitOptions{Epochs: 1000, BatchSize: 1})
	if err == nil || !strings.Contains(err.Error(), "epoch ") || !strings.Contains(err.Error(), "step ") {
		t.Fatalf("err = %v, want NaN/Inf error naming epoch and step", err)
	}
	if len(h.Epochs) >= 1000 {
		t.Errorf("did not stop: %d epochs", len(h.Epochs))
	}
	n2 := WorkedExample()
	n2.SetParam(0, math.NaN())
	_, err = n2.Fit(WorkedExampleData(), FitOptions{Epochs: 3})
	if err == nil || !strings.Contains(err.Error(), "epoch 1, step 1: loss is NaN") {
		t.Fatalf("err = %v", err)
	}
}

func TestFitValidationAndHooks(t *testing.T) {
	d := bigData(120, 4, 3)
	val := bigData(30, 4, 3)
	net, _ := Build([]int{4, 8, 3}, WithLoss(CrossEntropy), WithOptimizer(Adam(0.01)))
	var calls []int
	SetProgressHook(func(h *History) { calls = append(calls, len(h.Epochs)) })
	defer SetProgressHook(nil)
	var seen []EpochStats
	h, err := net.Fit(d, FitOptions{Epochs: 4, BatchSize: 16, Shuffle: true, Validation: val,
		OnEpoch: func(e EpochStats) { seen = append(seen, e) }})
	if err != nil {
		t.Fatal(err)
	}
	if len(seen) != 4 || seen[3].Epoch != 4 || !seen[3].HasVal || !seen[3].HasAccuracy {
		t.Fatalf("OnEpoch saw %v", seen)
	}
	if len(calls) != 4 || calls[0] != 1 || calls[3] != 4 {
		t.Errorf("progress hook calls %v", calls)
	}
	if len(h.ValLosses()) != 4 || len(h.Accuracies()) != 4 || len(h.ValAccuracies()) != 4 || len(h.Losses()) != 4 {
		t.Errorf("history series lengths wrong")
	}
	vl, _ := net.Evaluate(val)
	if !near(h.Last().ValLoss, vl, 1e-12) {
		t.Errorf("val loss %v, Evaluate %v", h.Last().ValLoss, vl)
	}
	s := h.String()
	for _, w := range []string{"epoch", "loss", "accuracy", "val loss", "val accuracy"} {
		if !strings.Contains(s, w) {
			t.Errorf("History.String lacks %q:\n%s", w, s)
		}
	}
	if (&History{}).ValLosses() != nil {
		t.Error("empty history ValLosses not nil")
	}
}

func TestFitErrors(t *testing.T) {
	net := New(2, 2, 1)
	before := net.String()
	cases := []struct {
		d    *Dataset
		o    FitOptions
		want string
	}{
		{xorData(), FitOptions{}, "expected Epochs ≥ 1, got 0"},
		{nil, FitOptions{Epochs: 1}, "expected a data set, got nil"},
		{&Dataset{Inputs: [][]float64{{1, 2, 3}}, Targets: [][]float64{{1}}}, FitOptions{Epochs: 1}, "sample 0: layer 0: weights are 2×2 but the input has 3 values"},
		{&Dataset{Inputs: [][]float64{{1, 2}}, Targets: [][]float64{{1, 0}}}, FitOptions{Epochs: 1}, "has 1 neurons but the target has 2 values"},
		{xorData(), FitOptions{Epochs: 1, Validation: &Dataset{Inputs: [][]float64{{1}}, Targets: [][]float64{{1}}}}, "validation data"},
	}
	for _, c := range cases {
		_, err := net.Fit(c.d, c.o)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("Fit: err %v, want %q", err, c.want)
		}
	}
	if net.String() != before {
		t.Error("failed Fit changed the network")
	}
}

// TestFitFullBatchChunked: a full batch larger than one pass is accumulated
// chunk by chunk and equals one TrainBatch step over all rows.
func TestFitFullBatchChunked(t *testing.T) {
	d := bigData(2500, 6, 3)
	for _, opt := range []Optimizer{SGD(0.3), Adam(0.01)} {
		a, _ := Build([]int{6, 5, 3}, WithLoss(CrossEntropy), WithOptimizer(opt))
		b := a.Clone()
		if _, err := a.Fit(d, FitOptions{Epochs: 1}); err != nil {
			t.Fatal(err)
		}
		if _, err := b.TrainBatch(d.Inputs, d.Targets); err != nil {
			t.Fatal(err)
		}
		for i := 0; i < a.NumParams(); i++ {
			if !near(a.Param(i), b.Param(i), 1e-12) {
				t.Fatalf("%v: %s: Fit %v, TrainBatch %v", opt, a.ParamName(i), a.Param(i), b.Param(i))
			}
		}
	}
}
