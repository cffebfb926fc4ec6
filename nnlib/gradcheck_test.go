package nnlib

import (
	"encoding/json"
	"fmt"
	"math"
	"math/rand"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// gcPreactivations returns the smallest |net input| over the hidden layers of n
// for input x, computed independently of nnlib's engine from Weights and Biases
// (element-wise activations only), so tests can keep ReLU's kink at 0 away from
// the central difference.
func gcMinHiddenNet(n *Network, x []float64) float64 {
	minAbs := math.Inf(1)
	a := x
	for l := 0; l < n.NumLayers()-1; l++ {
		W, b := n.Weights(l), n.Biases(l)
		next := make([]float64, len(W))
		for j, row := range W {
			z := b[j]
			for k, w := range row {
				z += w * a[k]
			}
			minAbs = math.Min(minAbs, math.Abs(z))
			switch n.LayerActivation(l) {
			case Sigmoid:
				next[j] = 1 / (1 + math.Exp(-z))
			case Tanh:
				next[j] = math.Tanh(z)
			case ReLU:
				next[j] = math.Max(z, 0)
			case LeakyReLU:
				next[j] = z
				if z <= 0 {
					next[j] = LeakySlope * z
				}
			default:
				next[j] = z
			}
		}
		a = next
	}
	return minAbs
}

// gcTarget draws a target suited to the loss: probabilities for the
// cross-entropies (a distribution for softmax), any value otherwise.
func gcTarget(rng *rand.Rand, k int, loss Loss) []float64 {
	t := make([]float64, k)
	switch loss {
	case CrossEntropy:
		s := 0.0
		for i := range t {
			t[i] = rng.Float64()
			s += t[i]
		}
		for i := range t {
			t[i] /= s
		}
	case BinaryCrossEntropy:
		for i := range t {
			t[i] = 0.05 + 0.9*rng.Float64()
		}
	default:
		for i := range t {
			t[i] = 2*rng.Float64() - 0.5
		}
	}
	return t
}

func TestGradCheckCombinations(t *testing.T) {
	hidden := []Activation{Sigmoid, Tanh, ReLU, LeakyReLU, Linear}
	outputs := []struct {
		act  Activation
		loss Loss
	}{
		{Sigmoid, SquaredError},
		{Sigmoid, MSE},
		{Sigmoid, BinaryCrossEntropy},
		{Softmax, CrossEntropy},
		{Linear, MSE},
		{Linear, SquaredError},
		{Tanh, MSE},
	}
	shapes := [][]int{{3, 4, 2}, {2, 5, 4, 3}}
	for _, h := range hidden {
		for _, o := range outputs {
			for si, sizes := range shapes {
				name := fmt.Sprintf("%s-%s+%s-%v", h, o.act, o.loss, sizes)
				seed := int64(100*si + 7)
				n, err := Build(sizes, WithHidden(h), WithOutput(o.act), WithLoss(o.loss),
					WithInit(Uniform), WithOptimizer(SGD(0.1)), WithSeed(seed))
				if err != nil {
					t.Fatalf("%s: %v", name, err)
				}
				rng := rand.New(rand.NewSource(seed))
				k := sizes[len(sizes)-1]
				// Train a few steps so that weights and biases move off their
				// initial values ("trained biases").
				for step := 0; step < 5; step++ {
					x := make([]float64, sizes[0])
					for i := range x {
						x[i] = 2*rng.Float64() - 1
					}
					if _, err := n.Train(x, gcTarget(rng, k, o.loss)); err != nil {
						t.Fatalf("%s: %v", name, err)
					}
				}
				// A sample whose hidden net inputs are all away from 0, where
				// ReLU and leaky ReLU have their kink.
				var x []float64
				for try := 0; ; try++ {
					x = make([]float64, sizes[0])
					for i := range x {
						x[i] = 2*rng.Float64() - 1
					}
					if gcMinHiddenNet(n, x) > 0.02 {
						break
					}
					if try > 10000 {
						t.Fatalf("%s: no sample away from the kink", name)
					}
				}
				target := gcTarget(rng, k, o.loss)
				before := n.Params()
				r, err := GradCheck(n, x, target)
				if err != nil {
					t.Fatalf("%s: %v", name, err)
				}
				if !r.Pass || len(r.Rows) != n.NumParams() {
					t.Errorf("%s: %s", name, r)
				}
				if !reflect.DeepEqual(before, n.Params()) {
					t.Errorf("%s: GradCheck changed the network", name)
				}
				biases := 0
				for _, row := range r.Rows {
					if strings.Contains(row.Name, ".b[") && row.Analytic != 0 {
						biases++
					}
				}
				if biases == 0 {
					t.Errorf("%s: no bias gradient checked", name)
				}
				if testing.Verbose() {
					t.Logf("%-40s max relative error %.1e (%s)", name, r.MaxRelError, r.Worst)
				}
			}
		}
	}
}

func TestGradCheckWorkedExample(t *testing.T) {
	n := WorkedExample()
	r, err := GradCheck(n, WorkedInput(), WorkedTarget())
	if err != nil {
		t.Fatal(err)
	}
	if !r.Pass || r.Failed != 0 {
		t.Errorf("worked example fails the gradient check:\n%s", r)
	}
	// Parameters in the flat order: w1..w4, b1, w5..w8, b2.
	names := []string{"w1", "w2", "w3", "w4", "b1", "w5", "w6", "w7", "w8", "b2"}
	for i, row := range r.Rows {
		if row.Name != names[i] {
			t.Errorf("row %d is %q, want %q", i, row.Name, names[i])
		}
	}
	// The numeric gradients match the reference's first_step.gradients to 1e-10.
	raw, err := os.ReadFile(filepath.Join("testdata", "blog-example.json"))
	if err != nil {
		t.Skipf("reference golden missing: %v", err)
	}
	var ref struct {
		FirstStep struct {
			Gradients map[string]any `json:"gradients"`
		} `json:"first_step"`
	}
	if err := json.Unmarshal(raw, &ref); err != nil {
		t.Fatal(err)
	}
	for _, row := range r.Rows[:9] {
		if row.Name == "b1" {
			continue
		}
		want, ok := ref.FirstStep.Gradients["dE_d"+row.Name].(float64)
		if !ok {
			t.Fatalf("reference has no first_step.gradients.dE_d%s", row.Name)
		}
		if math.Abs(row.Numeric-want) > 1e-10 || math.Abs(row.Analytic-want) > 1e-12 {
			t.Errorf("%s: analytic %.15g numeric %.15g, reference %.15g", row.Name, row.Analytic, row.Numeric, want)
		}
	}
}

// TestGradCheckCatchesWrongDerivative plants a wrong derivative through
// RegisterActivation: sigmoid with the derivative σ(x) instead of σ(x)(1−σ(x)).
func TestGradCheckCatchesWrongDerivative(t *testing.T) {
	sig := func(x float64) float64 { return 1 / (1 + math.Exp(-x)) }
	tests := []struct {
		name string
		df   func(x float64) float64
		pass bool
	}{
		{"gc_right_sigmoid", func(x float64) float64 { return sig(x) * (1 - sig(x)) }, true},
		{"gc_wrong_sigmoid", sig, false},
		{"gc_off_by_a_bit", func(x float64) float64 { return sig(x) * (1 - sig(x)) * 1.001 }, false},
	}
	for _, tt := range tests {
		if err := RegisterActivation(Activation(tt.name), sig, tt.df); err != nil {
			t.Fatal(err)
		}
		n, err := Build([]int{3, 4, 2}, WithHidden(Activation(tt.name)), WithInit(Uniform), WithSeed(3))
		if err != nil {
			t.Fatal(err)
		}
		r, err := GradCheck(n, []float64{0.3, -0.2, 0.9}, []float64{0.1, 0.8})
		if err != nil {
			t.Fatal(err)
		}
		if r.Pass != tt.pass {
			t.Errorf("%s: Pass = %v, want %v\n%s", tt.name, r.Pass, tt.pass, r)
		}
		if !tt.pass {
			// Exactly the first layer's parameters depend on the hidden derivative.
			for _, row := range r.Rows {
				first := strings.HasPrefix(row.Name, "L1.")
				if row.OK == first {
					t.Errorf("%s: %s", tt.name, row)
				}
			}
			if s := r.String(); !strings.Contains(s, "FAIL: 16 of 26 parameters have a relative error > 1e-06") {
				t.Errorf("%s: report does not say FAIL:\n%s", tt.name, s)
			}
		}
	}
}

func TestGradCheckErrors(t *testing.T) {
	n := WorkedExample()
	tests := []struct {
		input, target []float64
		opts          GradCheckOptions
		want          string
	}{
		{[]float64{1}, WorkedTarget(), GradCheckOptions{}, "GradCheck: "},
		{WorkedInput(), []float64{1, 2, 3}, GradCheckOptions{}, "GradCheck: "},
		{WorkedInput(), WorkedTarget(), GradCheckOptions{Step: -1}, "Step must be a finite number > 0, got -1"},
		{WorkedInput(), WorkedTarget(), GradCheckOptions{Tolerance: math.NaN()}, "Tolerance must be a finite number > 0, got NaN"},
		{WorkedInput(), WorkedTarget(), GradCheckOptions{Points: 3}, "Points must be 2 or 4, got 3"},
		{WorkedInput(), WorkedTarget(), GradCheckOptions{Sample: -1}, "Sample must be ≥ 0, got -1"},
		{WorkedInput(), WorkedTarget(), GradCheckOptions{Params: []int{0, 99}}, "Params[1] = 99 is outside the network's parameters 0..9"},
	}
	for _, tt := range tests {
		r, err := GradCheckWith(n, tt.input, tt.target, tt.opts)
		if err == nil || !strings.Contains(err.Error(), tt.want) || r != nil {
			t.Errorf("GradCheckWith(%v, %v, %v): %v, %v; want an error containing %q", tt.input, tt.target, tt.opts, r, err, tt.want)
		}
	}
	if _, err := GradCheck(nil, nil, nil); err == nil {
		t.Error("GradCheck(nil) did not fail")
	}
	// The textbook two-point difference passes too, with its own defaults.
	r2, err := GradCheckWith(n, WorkedInput(), WorkedTarget(), GradCheckOptions{Points: 2})
	if err != nil || !r2.Pass || r2.Step != 1e-6 || r2.Tolerance != 1e-5 || r2.Points != 2 {
		t.Errorf("two points: %v %v", r2, err)
	}
	// A random sample of parameters, in index order, the same for the same seed.
	rs, err := GradCheckWith(n, WorkedInput(), WorkedTarget(), GradCheckOptions{Sample: 4, Seed: 9})
	if err != nil || len(rs.Rows) != 4 || !rs.Pass {
		t.Fatalf("sample: %v %v", rs, err)
	}
	rs2, _ := GradCheckWith(n, WorkedInput(), WorkedTarget(), GradCheckOptions{Sample: 4, Seed: 9})
	for k := range rs.Rows {
		if rs.Rows[k].Index != rs2.Rows[k].Index || (k > 0 && rs.Rows[k].Index <= rs.Rows[k-1].Index) {
			t.Errorf("sample rows %v / %v", rs.Rows, rs2.Rows)
		}
	}
	// Checking a subset of parameters.
	r, err := GradCheckWith(n, WorkedInput(), WorkedTarget(), GradCheckOptions{Params: []int{5, 8}})
	if err != nil || len(r.Rows) != 2 || r.Rows[0].Name != "w5" || r.Rows[1].Name != "w8" || !r.Pass {
		t.Errorf("subset: %v %v", r, err)
	}
}

func TestGradCheckReportLong(t *testing.T) {
	n, err := Build([]int{8, 8, 3}, WithInit(Uniform), WithSeed(5))
	if err != nil {
		t.Fatal(err)
	}
	x := []float64{0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8}
	r, err := GradCheck(n, x, []float64{0, 1, 0})
	if err != nil {
		t.Fatal(err)
	}
	s := r.String()
	lines := strings.Count(s, "\n")
	if !r.Pass || !strings.Contains(s, "… 79 more parameters, not shown (the worst 20 are above)") || lines != 24 {
		t.Errorf("%d lines:\n%s", lines, s)
	}
}
