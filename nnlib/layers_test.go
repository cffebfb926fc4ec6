package nnlib

import (
	"fmt"
	"math"
	"reflect"
	"strings"
	"testing"
)

// TestGradientByLayer: the worked example's gradient as matrices, against
// first_step.gradients of blog-example.json (w1..w4 are layer 0's W[0,0],
// W[0,1], W[1,0], W[1,1]; w5..w8 layer 1's).
func TestGradientByLayer(t *testing.T) {
	ref := loadRef(t)
	net := WorkedExample()
	g, err := net.GradientByLayer(WorkedInput(), WorkedTarget())
	if err != nil {
		t.Fatal(err)
	}
	for k := 1; k <= 8; k++ {
		l, j, i := (k-1)/4, (k-1)%4/2, (k-1)%2
		want := ref.num(t, "first_step", "gradients", fmt.Sprintf("dE_dw%d", k))
		if got := g[l].W[j][i]; math.Abs(got-want) > 1e-15 {
			t.Errorf("w%d = L%d.W[%d][%d]: %v, want %v", k, l+1, j, i, got, want)
		}
	}
	if !g[0].Shared || len(g[0].B) != 1 {
		t.Errorf("layer 0's shared bias: %v", g[0])
	}
	if s := g[1].String(); !strings.HasPrefix(s, "L2: W 2×2\n  [0.08216704056") || !strings.Contains(s, "b (shared) [") {
		t.Errorf("String:\n%s", s)
	}
}

// TestParamsByLayerRoundTrip: ParamsByLayer agrees with Weights and Biases,
// and SetWeights/SetBiases write a network's matrices into another.
func TestParamsByLayerRoundTrip(t *testing.T) {
	for _, shared := range []bool{false, true} {
		a, b := New(3, 4, 2), New(3, 4, 2)
		b.SetSeed(9)
		if shared {
			a.SetSharedBias(0.1, 0.2)
			b.SetSharedBias(0.3, 0.4)
		}
		for l, p := range a.ParamsByLayer() {
			if !reflect.DeepEqual(p.W, a.Weights(l)) {
				t.Errorf("layer %d: W %v, Weights %v", l, p.W, a.Weights(l))
			}
			if !shared && !reflect.DeepEqual(p.B, a.Biases(l)) {
				t.Errorf("layer %d: B %v, Biases %v", l, p.B, a.Biases(l))
			}
			if err := b.SetWeights(l, p.W); err != nil {
				t.Fatal(err)
			}
			if err := b.SetBiases(l, a.Biases(l)); err != nil { // Biases' shape is accepted as is
				t.Fatal(err)
			}
		}
		if !reflect.DeepEqual(a.Params(), b.Params()) {
			t.Errorf("shared=%v: after SetWeights/SetBiases %v, want %v", shared, b.Params(), a.Params())
		}
	}
}

func TestSetWeightsErrors(t *testing.T) {
	w := WorkedExample()
	before := w.Clone()
	tests := []struct {
		err  error
		want string
	}{
		{w.SetWeights(0, [][]float64{{1, 2}}), "layer 0 has 2 neurons, so expected 2 rows of 2 weights, got 1 rows"},
		{w.SetWeights(1, [][]float64{{1, 2}, {3}}), "layer 1: row 1 has 1 weights, expected 2 (one per input)"},
		{w.SetWeights(2, nil), "layer 2 out of range"},
		{w.SetBiases(0, []float64{1, 2}), "layer 0 has one shared bias, but value 1 (2) differs from value 0 (1)"},
		{w.SetBiases(0, []float64{1, 1, 1}), "layer 0 has one shared bias: expected 1 value (or 2 equal ones), got 3"},
		{New(2, 3, 1).SetBiases(0, []float64{1}), "layer 0 has 3 neurons, expected 3 biases, got 1"},
	}
	for _, tt := range tests {
		if tt.err == nil || !strings.Contains(tt.err.Error(), tt.want) {
			t.Errorf("error %v, want one containing %q", tt.err, tt.want)
		}
	}
	sameNetwork(t, w, before)
	if _, err := w.SplitByLayer(make([]float64, 3)); err == nil || !strings.Contains(err.Error(), "expected 10 values") {
		t.Errorf("SplitByLayer of 3 values: %v", err)
	}
}

// TestBatchGradient: the mean of the per-sample gradients in one call, in one
// pass and in chunks of 1024 rows; one sample gives Gradient's bits.
func TestBatchGradient(t *testing.T) {
	net, _ := Build([]int{5, 6, 3}, WithHidden(Tanh), WithLoss(CrossEntropy), WithSeed(2))
	for _, rows := range []int{1, 7, 1100} {
		d := bigData(rows, 5, 3)
		got, err := net.BatchGradient(d.Inputs, d.Targets)
		if err != nil {
			t.Fatal(err)
		}
		want := make([]float64, net.NumParams())
		for r := range d.Inputs {
			g, _ := net.Gradient(d.Inputs[r], d.Targets[r])
			for i := range g {
				want[i] += g[i] / float64(rows)
			}
		}
		for i := range want {
			if rows == 1 && got[i] != want[i] || math.Abs(got[i]-want[i]) > 1e-14*math.Max(1, math.Abs(want[i])) {
				t.Fatalf("%d rows: %s = %v, mean of Gradient %v", rows, net.ParamName(i), got[i], want[i])
			}
		}
	}
	if _, err := net.BatchGradient(nil, nil); err == nil || !strings.Contains(err.Error(), "at least one sample") {
		t.Errorf("empty batch: %v", err)
	}
	if _, err := net.BatchGradient([][]float64{{1}}, [][]float64{{1, 0, 0}}); err == nil || !strings.Contains(err.Error(), "sample 0") {
		t.Errorf("bad row: %v", err)
	}
}
