package nnlib

import "golang.org/x/sys/cpu"

// axpyFMA does y[i] += a·x[i] for i < len(x) with AVX2 fused multiply-adds
// (engine_axpy_amd64.s). len(y) must be at least len(x).
//
//go:noescape
func axpyFMA(a float64, x, y []float64)

// hasFMA reports whether the AVX2/FMA kernels are used (this CPU runs them;
// tests switch it off to cover the fallback).
var hasFMA = cpuHasFMA()

func cpuHasFMA() bool { return cpu.X86.HasAVX2 && cpu.X86.HasFMA }

// axpyRow does y += a·x over len(x) elements: the kernel of the transposed
// first layer (affineT, gradT), run once per non-zero input. With AVX2 and FMA
// it runs four elements per instruction; otherwise axpyGo gives the same bits.
func axpyRow(a float64, x, y []float64) {
	if hasFMA {
		_ = y[len(x)-1]
		axpyFMA(a, x, y)
		return
	}
	axpyGo(a, x, y)
}

// gatherFMA32 does z[0:32] += Σ_k val[k]·m[idx[k]·stride:][:32] with AVX2
// (engine_axpy_amd64.s). The caller guarantees the bounds (see gatherRow).
//
//go:noescape
func gatherFMA32(idx []int32, val []float64, m []float64, stride int, z []float64)

// gatherRow does z += Σ_k val[k]·m[idx[k]·stride : idx[k]·stride+len(z)] for
// idx ≥ 0: a sparse row times a row-major matrix. With AVX2 and FMA,
// 32 columns at a time stay in registers over the whole list, so z is read
// and written once instead of once per entry.
func gatherRow(idx []int32, val []float64, m []float64, stride int, z []float64) {
	if len(idx) == 0 {
		return
	}
	_ = val[len(idx)-1]
	top := int32(0)
	for _, i := range idx {
		top = max(top, i)
	}
	_ = m[int(top)*stride+len(z)-1] // every row the kernel reads is inside m
	if !hasFMA {
		gatherRowGo(idx, val, m, stride, z)
		return
	}
	c := 0
	for ; c+32 <= len(z); c += 32 {
		gatherFMA32(idx, val, m[c:], stride, z[c:c+32])
	}
	if c < len(z) {
		rest := z[c:]
		for k, i := range idx {
			off := int(i)*stride + c
			axpyRow(val[k], m[off:off+len(rest)], rest)
		}
	}
}
