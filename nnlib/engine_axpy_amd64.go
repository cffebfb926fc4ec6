package nnlib

import (
	"golang.org/x/sys/cpu"
	"gonum.org/v1/gonum/blas/gonum"
)

// axpyFMA does y[i] += a·x[i] for i < len(x) with AVX2 fused multiply-adds
// (engine_axpy_amd64.s). len(y) must be at least len(x).
//
//go:noescape
func axpyFMA(a float64, x, y []float64)

// hasFMA reports whether this CPU runs axpyFMA.
var hasFMA = cpu.X86.HasAVX2 && cpu.X86.HasFMA

// axpyRow does y += a·x over len(x) elements: the kernel of the transposed
// first layer (affineT, gradT), run once per non-zero input. With AVX2 and FMA
// it is twice as wide as gonum's SSE2 kernel and rounds once per element
// instead of twice; otherwise it is gonum's Daxpy.
func axpyRow(a float64, x, y []float64) {
	if hasFMA {
		_ = y[len(x)-1]
		axpyFMA(a, x, y)
		return
	}
	gonum.Implementation{}.Daxpy(len(x), a, x, 1, y, 1)
}
