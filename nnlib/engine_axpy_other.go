//go:build !amd64

package nnlib

import "gonum.org/v1/gonum/blas/gonum"

// hasFMA is false: there is no assembly kernel on this architecture.
const hasFMA = false

// axpyRow does y += a·x over len(x) elements (gonum's Daxpy): the kernel of the
// transposed first layer (affineT, gradT).
func axpyRow(a float64, x, y []float64) {
	gonum.Implementation{}.Daxpy(len(x), a, x, 1, y, 1)
}

// gatherRow does z += Σ_k val[k]·m[idx[k]·stride : idx[k]·stride+len(z)].
func gatherRow(idx []int32, val []float64, m []float64, stride int, z []float64) {
	for k, i := range idx {
		off := int(i) * stride
		axpyRow(val[k], m[off:off+len(z)], z)
	}
}
