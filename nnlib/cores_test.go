package nnlib

import (
	"math"
	"runtime"
	"testing"
)

// TestSameResultOnAnyCoreCount: the work split over the cores (rows of the
// forward pass, pixels of the gradient, ranges of the update) gives every
// number to one goroutine in a fixed order, so training gives the same bits
// with 1 core as with 2 (and 4).
func TestSameResultOnAnyCoreCount(t *testing.T) {
	d := bigData(300, 300, 10)
	for _, x := range d.Inputs {
		for j := range x {
			if x[j] < 0.7 {
				x[j] = 0
			}
		}
	}
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	for _, opts := range []FitOptions{
		{Epochs: 2, BatchSize: 64, Shuffle: true}, // transposed sparse first layer
		{Epochs: 1, BatchSize: 1},                 // one sample at a time
		{Epochs: 2},                               // full batch: gather kernel, large update
	} {
		var first []float64
		for _, procs := range []int{1, 2, 4} {
			runtime.GOMAXPROCS(procs)
			n, _ := Build([]int{300, 128, 10}, WithHidden(ReLU), WithLoss(CrossEntropy), WithOptimizer(Adam(0.01)), WithSeed(7))
			if opts.BatchSize == 1 {
				n.SetOptimizer(SGD(0.01))
			}
			if _, err := n.Fit(d, opts); err != nil {
				t.Fatal(err)
			}
			if first == nil {
				first = n.Params()
				continue
			}
			for i, w := range n.params {
				if math.Float64bits(w) != math.Float64bits(first[i]) {
					t.Fatalf("%v with %d cores: %s = %v, with 1 core %v", opts, procs, n.ParamName(i), w, first[i])
				}
			}
		}
	}
}
