package plot

import (
	"math"
	"math/rand"
	"testing"

	"github.com/nnbook/nnbook/nnlib"
)

// reportMs reports the mean wall time per figure in milliseconds.
func reportMs(b *testing.B) {
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/1e6/float64(b.N), "ms/figure")
}

// BenchmarkLoss10000PNG renders a 10,000-point loss curve (the worked
// example's length, with noise so that thinning has work to do) to PNG
// bytes, from the values: building the figure is included. Goal: < 100 ms.
func BenchmarkLoss10000PNG(b *testing.B) {
	r := rand.New(rand.NewSource(1))
	ys := geometric(0.298371109, 3.5101878e-05, 10000)
	for i := range ys {
		ys[i] *= 1 + 0.2*r.Float64()
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Values("E_total", ys).PNG(); err != nil {
			b.Fatal(err)
		}
	}
	reportMs(b)
}

// BenchmarkLoss10000SVG is the same curve as SVG.
func BenchmarkLoss10000SVG(b *testing.B) {
	ys := geometric(0.298371109, 3.5101878e-05, 10000)
	for b.Loop() {
		if _, err := Values("E_total", ys).SVG(); err != nil {
			b.Fatal(err)
		}
	}
	reportMs(b)
}

// BenchmarkLossLive is what the kernel does after an epoch of live
// training: Loss of a 200-epoch history with validation, to PNG.
func BenchmarkLossLive(b *testing.B) {
	h := &nnlib.History{Name: "lr=0.5"}
	for e := 1; e <= 200; e++ {
		l := math.Exp(-float64(e) / 40)
		h.Epochs = append(h.Epochs, nnlib.EpochStats{Epoch: e, Loss: l, ValLoss: 1.2 * l, HasVal: true})
	}
	for b.Loop() {
		if _, err := Loss(h).PNG(); err != nil {
			b.Fatal(err)
		}
	}
	reportMs(b)
}

// BenchmarkNetworkPNG draws a 784-30-10 network.
func BenchmarkNetworkPNG(b *testing.B) {
	n := nnlib.New(784, 30, 10)
	for b.Loop() {
		if _, err := Network(n).PNG(); err != nil {
			b.Fatal(err)
		}
	}
	reportMs(b)
}

// BenchmarkBoundaryPNG evaluates a 2-16-2 network on the 100×100 grid and
// draws the boundary with 400 points.
func BenchmarkBoundaryPNG(b *testing.B) {
	n := nnlib.New(2, 16, 2)
	d := nnlib.TwoMoons(400, 0.1, 1)
	for b.Loop() {
		if _, err := Boundary(n, d).PNG(); err != nil {
			b.Fatal(err)
		}
	}
	reportMs(b)
}
