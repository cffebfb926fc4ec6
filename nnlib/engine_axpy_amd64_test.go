package nnlib

import (
	"fmt"
	"math"
	"testing"
)

// TestGatherRow: the sparse-row kernels, with and without AVX2/FMA, against a
// plain loop of math.FMA in list order — bit for bit, so that results do not
// depend on the CPU — for widths that are and are not multiples of the
// 32-column block.
func TestGatherRow(t *testing.T) {
	defer func(h bool) { hasFMA = h }(hasFMA)
	for _, fma := range []bool{false, true} {
		if fma && !cpuHasFMA() {
			continue
		}
		hasFMA = fma
		for _, width := range []int{1, 7, 8, 10, 16, 31, 32, 33, 40, 64, 120, 128, 130} {
			const rows = 50
			m := make([]float64, rows*width)
			for i := range m {
				m[i] = math.Sin(float64(i)*0.37) * 3
			}
			idx := []int32{0, 3, 4, 17, 49}
			val := []float64{0.5, -1.25, 2, 1e-3, -7}
			z := make([]float64, width)
			want := make([]float64, width)
			for j := range z {
				z[j] = float64(j) * 0.1
				want[j] = z[j]
			}
			for k, i := range idx {
				for j := range want {
					want[j] = math.FMA(val[k], m[int(i)*width+j], want[j])
				}
			}
			gatherRow(idx, val, m, width, z)
			for j := range z {
				if math.Float64bits(z[j]) != math.Float64bits(want[j]) {
					t.Fatalf("fma=%v width %d: z[%d] = %v, want %v", fma, width, j, z[j], want[j])
				}
			}
		}
	}
}

// fmaModes lists the settings of hasFMA this CPU can run: the pure-Go
// fallback always, the assembly when the CPU has AVX2 and FMA.
func fmaModes() []bool {
	if cpuHasFMA() {
		return []bool{false, true}
	}
	return []bool{false}
}

// useFMA switches the assembly kernels on or off and returns the undo.
func useFMA(on bool) (undo func()) {
	was := hasFMA
	hasFMA = on
	return func() { hasFMA = was }
}

// BenchmarkGatherRow: the gather kernel with and without the assembly, on a
// 128-entry list (a hidden layer of 128) into 10, 32 and 128 columns — MNIST's
// last layer, one register block, the hidden layer. The assembly has to earn
// ≥ 20% over math.FMA in plain Go in each shape it runs.
func BenchmarkGatherRow(b *testing.B) {
	for _, width := range []int{10, 32, 128} {
		for _, fma := range fmaModes() {
			b.Run(fmt.Sprintf("width=%d/fma=%v", width, fma), func(b *testing.B) {
				defer useFMA(fma)()
				m := make([]float64, 128*width)
				for i := range m {
					m[i] = math.Sin(float64(i))
				}
				idx := make([]int32, 128)
				val := make([]float64, 128)
				for i := range idx {
					idx[i], val[i] = int32(i), math.Cos(float64(i))
				}
				z := make([]float64, width)
				for i := 0; i < b.N; i++ {
					gatherRow(idx, val, m, width, z)
				}
				b.ReportMetric(float64(b.N)*2*128*float64(width)/b.Elapsed().Seconds()/1e9, "GFLOP/s")
			})
		}
	}
}
