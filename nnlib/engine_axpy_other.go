//go:build !amd64

package nnlib

// hasFMA is false: there is no assembly kernel on this architecture.
const hasFMA = false

// axpyRow does y += a·x over len(x) elements (axpyGo): the kernel of the
// transposed first layer (affineT, gradT).
func axpyRow(a float64, x, y []float64) { axpyGo(a, x, y) }

// gatherRow does z += Σ_k val[k]·m[idx[k]·stride : idx[k]·stride+len(z)]
// (gatherRowGo).
func gatherRow(idx []int32, val []float64, m []float64, stride int, z []float64) {
	gatherRowGo(idx, val, m, stride, z)
}
