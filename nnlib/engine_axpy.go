package nnlib

import "math"

// The gather kernel of the wide layers, in plain Go. Every element is one fused
// multiply-add, y ← a·x + y rounded once (math.FMA), in the order the AVX2
// assembly uses (engine_axpy_amd64.s: list entries in order, each element on
// its own), so a network trains to the same bits on a CPU with or without
// AVX2/FMA and on other architectures. math.FMA is one instruction where the
// CPU has it and exact software elsewhere.

// axpyGo does y[i] = a·x[i] + y[i] (fused) for i < len(x).
func axpyGo(a float64, x, y []float64) {
	y = y[:len(x)]
	for i, v := range x {
		y[i] = math.FMA(a, v, y[i])
	}
}

// gatherRowGo does z += Σ_k val[k]·m[idx[k]·stride : idx[k]·stride+len(z)],
// entry by entry.
func gatherRowGo(idx []int32, val []float64, m []float64, stride int, z []float64) {
	for k, i := range idx {
		off := int(i) * stride
		axpyGo(val[k], m[off:off+len(z)], z)
	}
}
