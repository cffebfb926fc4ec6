package nnlib

import (
	"math"
	"testing"
)

// TestReluRowsMatches: the branch-free ReLU and its derivative give the bits
// of activate and derivInto, including ±0, infinities, NaN and denormals.
func TestReluRowsMatches(t *testing.T) {
	z := []float64{1, -1, 0, math.Copysign(0, -1), math.Inf(1), math.Inf(-1), math.NaN(), -math.NaN(),
		5e-324, -5e-324, math.MaxFloat64, -math.MaxFloat64, 0.3, -0.7, 1e300}
	g := make([]float64, len(z))
	for i := range g {
		g[i] = float64(i) - 3.5
	}
	want, got := make([]float64, len(z)), make([]float64, len(z))
	activate(ReLU, actReLU, z, want)
	reluRows(z, got)
	for i := range z {
		if math.Float64bits(got[i]) != math.Float64bits(want[i]) {
			t.Errorf("relu(%v) = %v, want %v", z[i], got[i], want[i])
		}
	}
	gw, gg := append([]float64(nil), g...), append([]float64(nil), g...)
	derivInto(ReLU, actReLU, z, want, gw)
	reluDerivRows(z, gg)
	for i := range z {
		if math.Float64bits(gg[i]) != math.Float64bits(gw[i]) {
			t.Errorf("relu' at %v: g = %v, want %v", z[i], gg[i], gw[i])
		}
	}
}
