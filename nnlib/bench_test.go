package nnlib

import (
	"testing"
)

// BenchmarkWorkedExample10k: one op = 10,000 single-sample steps of the seed's
// 2-2-2 network (the seed's Python takes 38 ms, PyTorch 588 ms; ../shared/bench).
func BenchmarkWorkedExample10k(b *testing.B) {
	x, y := WorkedInput(), WorkedTarget()
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		net := WorkedExample()
		for k := 0; k < 10000; k++ {
			if _, err := net.Train(x, y); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(b.N)*10000/b.Elapsed().Seconds(), "samples/s")
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/10000, "ns/step")
	b.ReportMetric(float64(b.N)*10000*denseFlops(WorkedExample())/b.Elapsed().Seconds()/1e9, "GFLOP/s")
}

// BenchmarkXOR10k: one op = 10,000 online steps of a 2-5-1 sigmoid network on
// the XOR samples in turn (seed Python 53 ms, PyTorch 556 ms).
func BenchmarkXOR10k(b *testing.B) {
	d := xorData()
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		net := New(2, 5, 1)
		for k := 0; k < 10000; k++ {
			if _, err := net.Train(d.Inputs[k&3], d.Targets[k&3]); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(b.N)*10000/b.Elapsed().Seconds(), "samples/s")
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/10000, "ns/step")
	b.ReportMetric(float64(b.N)*10000*denseFlops(New(2, 5, 1))/b.Elapsed().Seconds()/1e9, "GFLOP/s")
}

// BenchmarkFitXOR10k: the same 10,000 online steps through Fit (2,500 epochs of
// 4 samples, with shuffling and per-epoch statistics).
func BenchmarkFitXOR10k(b *testing.B) {
	d := xorData()
	for i := 0; i < b.N; i++ {
		net := New(2, 5, 1)
		if _, err := net.Fit(d, FitOptions{Epochs: 2500, BatchSize: 1, Shuffle: true}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)*10000/b.Elapsed().Seconds(), "samples/s")
	b.ReportMetric(float64(b.N)*10000*denseFlops(New(2, 5, 1))/b.Elapsed().Seconds()/1e9, "GFLOP/s")
}

// BenchmarkBatch64Step784x128x10: one mini-batch step (64 samples) of the MNIST
// network shape (ReLU, softmax cross-entropy) on synthetic inputs; an MNIST
// epoch is 938 such steps (PyTorch: 0.48 s per epoch on 2 cores).
func BenchmarkBatch64Step784x128x10(b *testing.B) {
	net, _ := Build([]int{784, 128, 10}, WithHidden(ReLU), WithLoss(CrossEntropy), WithInit(He), WithLearningRate(0.1))
	d := bigData(64, 784, 10)
	// MNIST-like sparsity: ~80% of pixels are 0
	for _, x := range d.Inputs {
		for j := range x {
			if x[j] < 0.8 {
				x[j] = 0
			}
		}
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := net.TrainBatch(d.Inputs, d.Targets); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)*64/b.Elapsed().Seconds(), "samples/s")
	b.ReportMetric(b.Elapsed().Seconds()/float64(b.N)*938, "s/epoch")
	b.ReportMetric(float64(b.N)*64*denseFlops(net)/b.Elapsed().Seconds()/1e9, "GFLOP/s")
}

// denseFlops is the arithmetic of one training sample as if every input were
// non-zero: 2 flops per multiply-add of the forward pass, of the weight
// gradient, and of the δ passed down to each hidden layer (updates not
// counted). 784-128-10: 2·(101,632 + 101,632 + 1,280) ≈ 0.41 MFLOP.
func denseFlops(n *Network) float64 {
	f := 0.0
	for l, L := range n.layers {
		w := float64(L.in * L.out)
		f += 4 * w
		if l > 0 {
			f += 2 * w
		}
	}
	return f
}
