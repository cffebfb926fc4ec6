package nnlib

import (
	"fmt"
	"testing"
)

// BenchmarkKernels times each kernel that applies on the same one-sample
// steps, so that benchstat can say whether a fast path earns its keep (≥ 20%
// over the next general one): one op = 1,000 steps.
//
//	go test ./nnlib/ -run XXX -bench Kernels -count 10 | tee k.txt; benchstat -col /kernel k.txt
func BenchmarkKernels(b *testing.B) {
	worked := WorkedExample()
	xor := New(2, 5, 1)
	wide, _ := Build([]int{784, 128, 10}, WithHidden(ReLU), WithLoss(CrossEntropy), WithInit(He), WithLearningRate(0.01))
	mnistLike := bigData(1, 784, 10)
	for j, v := range mnistLike.Inputs[0] {
		if v < 0.8 {
			mnistLike.Inputs[0][j] = 0
		}
	}
	nets := []struct {
		name string
		n    *Network
		x, t []float64
	}{
		{"worked", worked, WorkedInput(), WorkedTarget()},
		{"xor", xor, []float64{1, 0}, []float64{1}},
		{"784-128-10", wide, mnistLike.Inputs[0], mnistLike.Targets[0]},
	}
	for _, c := range nets {
		for _, k := range []kernel{k222, kOnline, kSGD1, kBatch} {
			if k == k222 && !c.n.is222() || k == kOnline && !c.n.onlineOK() {
				continue
			}
			b.Run(fmt.Sprintf("net=%s/kernel=%s", c.name, k), func(b *testing.B) {
				n := c.n.Clone()
				ws := n.work(1)
				for i := 0; i < b.N; i++ {
					for s := 0; s < 1000; s++ {
						copy(ws.x, c.x)
						copy(ws.t, c.t)
						n.take(k, ws, 1)
					}
				}
				b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/1000, "ns/step")
				b.ReportMetric(float64(b.N)*1000*denseFlops(n)/b.Elapsed().Seconds()/1e9, "GFLOP/s")
			})
		}
	}
}

// BenchmarkReLU: the branch-free ReLU and its derivative over a 64×128
// block (MNIST's hidden layer at batch 64, signs at random) against the
// general activate/derivInto, row by row.
func BenchmarkReLU(b *testing.B) {
	r := newSplitmix(3, 1)
	z := make([]float64, 64*128)
	for i := range z {
		z[i] = r.float() - 0.5
	}
	a, g := make([]float64, len(z)), make([]float64, len(z))
	b.Run("path=branchfree", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			reluRows(z, a)
			reluDerivRows(z, g)
		}
	})
	b.Run("path=general", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			for r := 0; r < 64; r++ {
				activate(ReLU, actReLU, z[r*128:(r+1)*128], a[r*128:(r+1)*128])
				derivInto(ReLU, actReLU, z[r*128:(r+1)*128], a[r*128:(r+1)*128], g[r*128:(r+1)*128])
			}
		}
	})
}
