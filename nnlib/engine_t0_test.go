package nnlib

import (
	"context"
	"errors"
	"math"
	"testing"
)

// generalStep takes one batch step on the general path (never the
// transposed first layer): the reference for the tests below.
func generalStep(t *testing.T, n *Network, inputs, targets [][]float64) float64 {
	t.Helper()
	ws := n.work(len(inputs))
	n.load(ws, inputs, targets)
	e, err := n.batchStep(ws, len(inputs), inputs)
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// TestFitTransposedFirstLayer: Fit and TrainBatch hold a wide first layer
// transposed and feed it non-zero lists (t0Enter, affineT, gradT, the fused
// SGD step); the result must equal general-path steps over the same batches,
// for every optimizer, with a last batch of one row, and with shared frozen
// biases and the published variant.
func TestFitTransposedFirstLayer(t *testing.T) {
	d := bigData(49, 300, 10) // 3 batches of 16, then one of 1
	for _, x := range d.Inputs {
		for j := range x {
			if x[j] < 0.7 {
				x[j] = 0
			}
		}
	}
	cases := []struct {
		name string
		opts []Option
	}{
		{"sgd", []Option{WithOptimizer(SGD(0.1))}},
		{"momentum", []Option{WithOptimizer(Momentum(0.05, 0.9))}},
		{"adam", []Option{WithOptimizer(Adam(0.001))}},
		{"shared-published", []Option{WithOptimizer(SGD(0.1)), WithSharedBias(0.1, 0.2), WithPublishedVariant()}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			opts := append([]Option{WithHidden(ReLU), WithLoss(CrossEntropy), WithInit(He), WithSeed(3)}, c.opts...)
			a, err := Build([]int{300, 120, 10}, opts...)
			if err != nil {
				t.Fatal(err)
			}
			if !a.t0Eligible(16) {
				t.Fatal("300×120 at batch 16 should take the transposed path")
			}
			b, c := a.Clone(), a.Clone()
			var seen float64
			h, err := a.Fit(d, FitOptions{Epochs: 2, BatchSize: 16, Validation: d, OnEpoch: func(EpochStats) {
				seen = a.Weight(0, 5, 7) // the callback sees the usual layout
			}})
			if err != nil {
				t.Fatal(err)
			}
			if a.t0 {
				t.Fatal("Fit returned with layer 0 still transposed")
			}
			sum := 0.0
			for epoch := 0; epoch < 2; epoch++ {
				sum = 0
				for lo := 0; lo < d.Len(); lo += 16 {
					hi := min(lo+16, d.Len())
					e := generalStep(t, b, d.Inputs[lo:hi], d.Targets[lo:hi])
					sum += e * float64(hi-lo)
					ec, err := c.TrainBatch(d.Inputs[lo:hi], d.Targets[lo:hi])
					if err != nil {
						t.Fatal(err)
					}
					if c.t0 {
						t.Fatal("TrainBatch returned with layer 0 still transposed")
					}
					if math.Abs(ec-e) > 1e-12*math.Max(1, math.Abs(e)) {
						t.Fatalf("TrainBatch loss %.17g, general path %.17g", ec, e)
					}
				}
			}
			if got, want := h.Last().Loss, sum/float64(d.Len()); math.Abs(got-want) > 1e-12*math.Max(1, math.Abs(want)) {
				t.Errorf("epoch loss %.17g, general path %.17g", got, want)
			}
			if val, _ := b.Evaluate(d); math.Abs(h.Last().ValLoss-val) > 1e-12*math.Max(1, val) {
				t.Errorf("validation loss %.17g, Evaluate after the general path %.17g", h.Last().ValLoss, val)
			}
			if seen != a.Weight(0, 5, 7) {
				t.Errorf("OnEpoch saw W[5,7] = %g, after Fit it is %g", seen, a.Weight(0, 5, 7))
			}
			worst := 0.0
			for i := 0; i < a.NumParams(); i++ {
				x, y, z := a.Param(i), b.Param(i), c.Param(i)
				worst = math.Max(worst, math.Abs(x-y)/math.Max(1, math.Abs(y)))
				worst = math.Max(worst, math.Abs(z-y)/math.Max(1, math.Abs(y)))
			}
			if worst > 1e-12 {
				t.Errorf("parameters after Fit or TrainBatch differ from the general path by up to %.3g (relative)", worst)
			}
		})
	}
}

// TestFitTransposedCancel: a Fit stopped during an epoch leaves layer 0 in its
// usual layout, with the weights and optimizer state of before the call.
func TestFitTransposedCancel(t *testing.T) {
	d := bigData(64, 300, 10)
	a, _ := Build([]int{300, 120, 10}, WithHidden(ReLU), WithLoss(CrossEntropy), WithOptimizer(Momentum(0.05, 0.9)), WithSeed(5))
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	b := a.Clone()
	_, err := a.Fit(d, FitOptions{Epochs: 3, BatchSize: 16, Context: ctx, OnEpoch: func(EpochStats) { cancel() }})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("Fit: %v, want a cancel", err)
	}
	if a.t0 {
		t.Fatal("cancelled Fit left layer 0 transposed")
	}
	sameNetwork(t, a, b)
}

// TestFitT0Private: while Fit trains layer 0's transposed copy, the network's
// own parameters keep their layout and values (what a concurrent Predict or a
// panic would see); the end of the epoch writes the step back.
func TestFitT0Private(t *testing.T) {
	d := bigData(16, 300, 10)
	for _, opt := range []Optimizer{SGD(0.1), Momentum(0.05, 0.9), Adam(0.01)} {
		a, _ := Build([]int{300, 120, 10}, WithHidden(ReLU), WithLoss(CrossEntropy), WithOptimizer(opt), WithSeed(5))
		b := a.Clone()
		before := a.Params()
		rows := make([]int, 16)
		for i := range rows {
			rows[i] = i
		}
		a.t0Enter()
		if _, _, err := a.fitStep(d, rows, false, nil, false, nil); err != nil {
			t.Fatal(err)
		}
		k := 300 * 120
		for i := 0; i < k; i++ {
			if a.params[i] != before[i] {
				t.Fatalf("%v: %s changed to %v inside the epoch (want %v until the epoch ends)", opt, a.ParamName(i), a.params[i], before[i])
			}
		}
		a.t0Exit()
		generalStep(t, b, d.Inputs, d.Targets)
		for i := range a.params {
			if x, y := a.params[i], b.params[i]; math.Abs(x-y) > 1e-12*math.Max(1, math.Abs(y)) {
				t.Fatalf("%v: %s = %v after the epoch, %v on the general path", opt, a.ParamName(i), x, y)
			}
		}
	}
}
