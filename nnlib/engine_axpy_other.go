//go:build !amd64

package nnlib

// hasFMA is false: there is no assembly kernel on this architecture.
const hasFMA = false

// gatherRow does z += Σ_k val[k]·m[idx[k]·stride : idx[k]·stride+len(z)]
// (gatherRowGo).
func gatherRow(idx []int32, val []float64, m []float64, stride int, z []float64) {
	gatherRowGo(idx, val, m, stride, z)
}
