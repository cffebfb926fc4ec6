package nnlib

import "golang.org/x/sys/cpu"

// hasFMA reports whether the AVX2/FMA kernels are used (this CPU runs them;
// tests switch it off to cover the fallback).
var hasFMA = cpuHasFMA()

func cpuHasFMA() bool { return cpu.X86.HasAVX2 && cpu.X86.HasFMA }

// gatherFMA32 does z[0:32] += Σ_k val[k]·m[idx[k]·stride:][:32] with AVX2
// (engine_axpy_amd64.s). The caller guarantees the bounds (see gatherRow).
//
//go:noescape
func gatherFMA32(idx []int32, val []float64, m []float64, stride int, z []float64)

// gatherFMA8 is gatherFMA32 for 8 columns (engine_axpy_amd64.s).
//
//go:noescape
func gatherFMA8(idx []int32, val []float64, m []float64, stride int, z []float64)

// gatherRow does z += Σ_k val[k]·m[idx[k]·stride : idx[k]·stride+len(z)] for
// idx ≥ 0: a sparse row times a row-major matrix. With AVX2 and FMA,
// 32 (then 8) columns at a time stay in registers over the whole list, so z
// is read and written once instead of once per entry.
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
	for ; c+8 <= len(z); c += 8 {
		gatherFMA8(idx, val, m[c:], stride, z[c:c+8])
	}
	if c < len(z) { // the last columns (all of them when fewer than 8)
		gatherRowGo(idx, val, m[c:], stride, z[c:])
	}
}
