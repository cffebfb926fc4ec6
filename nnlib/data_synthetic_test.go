package nnlib

import (
	"math"
	"reflect"
	"testing"
)

func TestGenerators(t *testing.T) {
	tests := []struct {
		name string
		gen  func(n int, noise float64, seed int64) *Dataset
	}{
		{"moons", TwoMoons},
		{"spirals", Spirals},
	}
	for _, tt := range tests {
		for _, n := range []int{2, 7, 200} {
			d := tt.gen(n, 0.1, 42)
			if err := d.Validate(); err != nil {
				t.Fatalf("%s(%d): %v", tt.name, n, err)
			}
			if d.Len() != n || d.NumInputs() != 2 || d.NumOutputs() != 2 || len(d.Classes) != 2 || d.Name != tt.name {
				t.Fatalf("%s(%d): %v", tt.name, n, d)
			}
			count := [2]int{}
			for i, l := range d.Labels {
				count[l]++
				if d.Targets[i][l] != 1 || d.Targets[i][1-l] != 0 {
					t.Fatalf("%s(%d): row %d target %v label %d", tt.name, n, i, d.Targets[i], l)
				}
			}
			if count[0] != n/2 || count[1] != n-n/2 {
				t.Errorf("%s(%d): class counts %v", tt.name, n, count)
			}
			if !reflect.DeepEqual(d, tt.gen(n, 0.1, 42)) {
				t.Errorf("%s(%d): same seed, different data", tt.name, n)
			}
			if n > 2 && reflect.DeepEqual(d.Inputs, tt.gen(n, 0.1, 43).Inputs) {
				t.Errorf("%s(%d): different seeds, same data", tt.name, n)
			}
		}
	}
	// Without noise the points lie exactly on their curves.
	for i, p := range TwoMoons(50, 0, 1).Inputs {
		l := TwoMoons(50, 0, 1).Labels[i]
		cx, cy := 0.0, 0.0
		if l == 1 {
			cx, cy = 1, 0.5
		}
		if r := math.Hypot(p[0]-cx, p[1]-cy); math.Abs(r-1) > 1e-12 {
			t.Errorf("moons point %v of class %d is %g from its centre", p, l, r)
		}
	}
	for _, p := range Spirals(50, 0, 1).Inputs {
		if r := math.Hypot(p[0], p[1]); r < 0.05-1e-12 || r > 1+1e-12 {
			t.Errorf("spiral point %v has radius %g", p, r)
		}
	}
}

func TestGeneratorPanics(t *testing.T) {
	for _, c := range []struct {
		n     int
		noise float64
	}{{1, 0.1}, {10, -1}, {10, math.NaN()}, {10, math.Inf(1)}} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("TwoMoons(%d, %v) did not panic", c.n, c.noise)
				}
			}()
			TwoMoons(c.n, c.noise, 1)
		}()
	}
}

func TestWorkedExampleData(t *testing.T) {
	d := WorkedExampleData()
	// The seed's sample (seed/README.md): inputs 0.05, 0.10; targets 0.01, 0.99.
	if !reflect.DeepEqual(d.Inputs, [][]float64{{0.05, 0.10}}) || !reflect.DeepEqual(d.Targets, [][]float64{{0.01, 0.99}}) {
		t.Errorf("WorkedExampleData = %v → %v", d.Inputs, d.Targets)
	}
}

// TestGeneratorsLearnable: the toy problems are separable by a small network
// (so a decision-boundary plot of a trained network shows the shapes).
func TestGeneratorsLearnable(t *testing.T) {
	tests := []struct {
		name   string
		d      *Dataset
		sizes  []int
		hidden Activation
		epochs int
		want   float64
	}{
		{"moons", TwoMoons(200, 0.1, 1), []int{2, 16, 2}, Tanh, 200, 0.97},
		{"spirals", Spirals(200, 0.02, 1), []int{2, 32, 32, 2}, ReLU, 400, 0.95},
	}
	for _, tt := range tests {
		n, err := Build(tt.sizes, WithHidden(tt.hidden), WithLoss(CrossEntropy), WithOptimizer(Adam(0.01)), WithSeed(1))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := n.Fit(tt.d, FitOptions{Epochs: tt.epochs, BatchSize: 16, Shuffle: true}); err != nil {
			t.Fatal(err)
		}
		acc := Accuracy(n, tt.d)
		t.Logf("%s: training accuracy %.3f", tt.name, acc)
		if acc < tt.want {
			t.Errorf("%s: training accuracy %.3f, want ≥ %.2f", tt.name, acc, tt.want)
		}
	}
}
