package nnlib

// This file is the fast path of a wide first layer during Fit (MNIST's
// 784×128): Fit keeps a transposed copy of layer 0 for an epoch (t0State)
// and reads its inputs as lists of their non-zero values.

// affineT is affine for layer 0 while Fit holds its weights transposed
// (in×out, Network.t0s.w) and its inputs come as rows in ws.nzRows: each row of
// Z = b + X·Wᵀ is b plus Σ x_i·Wᵀ[i,:] over the non-zero x_i only (about a
// fifth of MNIST's pixels). The rows are split over the cores.
func affineT(L *layer, wt []float64, ws *workspace, Z []float64, B int) {
	in, out := L.in, L.out
	if len(ws.nzCnt) < ws.cap {
		ws.sparseRow(0, in) // allocate before the goroutines start
	}
	parallel(B, 8, func(r0, r1 int) {
		for r := r0; r < r1; r++ {
			ws.sparseRow(r, in)
			zr := Z[r*out : (r+1)*out]
			L.biasInto(zr)
			c := ws.nzCnt[r]
			gatherRow(ws.nzIdx[r*in:r*in+c], ws.nzVal[r*in:r*in+c], wt, out, zr)
		}
	})
}

// gradT adds alpha·Xᵀ·D to the in×out matrix g from the non-zero lists of the
// first B rows (for the transposed layer 0). It regroups the lists by input
// (which rows have input i, and alpha·x_i there), so that each row of g that
// any sample touches is updated in one sweep: g[i,:] += Σ_r alpha·x_ri·D[r,:]
// (rows in order). The inputs are split over the cores, so no two of them
// write the same row of g.
func gradT(ws *workspace, D []float64, B, in, out int, alpha float64, g []float64) {
	if len(ws.colOff) != in+1 {
		ws.colOff = make([]int, in+1)
		ws.colRow = make([]int32, ws.cap*in)
		ws.colVal = make([]float64, ws.cap*in)
	}
	off := ws.colOff
	clear(off)
	for r := 0; r < B; r++ {
		for _, i := range ws.nzIdx[r*in : r*in+ws.nzCnt[r]] {
			off[i+1]++
		}
	}
	for i := 1; i <= in; i++ {
		off[i] += off[i-1]
	}
	// fill, advancing off[i] to the end of input i's list …
	for r := 0; r < B; r++ {
		c := ws.nzCnt[r]
		val := ws.nzVal[r*in : r*in+c]
		for k, i := range ws.nzIdx[r*in : r*in+c] {
			p := off[i]
			ws.colRow[p], ws.colVal[p] = int32(r), alpha*val[k]
			off[i] = p + 1
		}
	}
	// … so that input i's list is colRow[off[i-1]:off[i]] (off[-1] = 0)
	parallel(in, 64, func(i0, i1 int) {
		lo := 0
		if i0 > 0 {
			lo = off[i0-1]
		}
		for i := i0; i < i1; i++ {
			hi := off[i]
			if hi > lo {
				gatherRow(ws.colRow[lo:hi], ws.colVal[lo:hi], D, out, g[i*out:(i+1)*out])
			}
			lo = hi
		}
	})
}

// t0Min is the size (in·out) of a first layer from which Fit keeps its
// weights transposed for the length of an epoch (784×128 = 100,352; the worked
// example and the small demos never qualify, so their arithmetic is untouched).
const t0Min = 1 << 15

// t0Eligible reports whether Fit at batch size B should hold layer 0
// transposed: a wide first layer and batches that take the batched path.
func (n *Network) t0Eligible(B int) bool {
	L := &n.layers[0]
	return L.in*L.out >= t0Min && B >= 2 && B <= fitChunk
}

// t0State is Fit's private copy of layer 0 for the length of an epoch: its
// weights transposed (in×out) and the matching slices of the optimizer state,
// so that a training step multiplies by Wᵀ directly — the forward pass is
// X·Wᵀ and the weight gradient Xᵀ·D, both skipping zero inputs — with no
// per-step transpose. The network's own parameters keep their layout the
// whole time; t0Exit writes the copy back.
type t0State struct {
	w         []float64 // Wᵀ
	vel, m, v []float64 // optimizer state of Wᵀ (nil when the rule has none)
}

// t0Enter copies layer 0 into n.t0s (allocating the optimizer state first,
// so that both copies exist from the first step).
func (n *Network) t0Enter() {
	if n.t0 {
		return
	}
	L := &n.layers[0]
	r, c := L.out, L.in
	n.state.alloc(&n.opt, len(n.params))
	s := &n.t0s
	s.w = transposeInto(s.w, L.w[:r*c], r, c)
	s.vel = transposeInto(s.vel, n.state.vel, r, c)
	s.m = transposeInto(s.m, n.state.m, r, c)
	s.v = transposeInto(s.v, n.state.v, r, c)
	n.t0 = true
}

// transposeInto returns src[:r·c] (r×c) transposed into dst, reusing dst's
// memory, or nil when src is nil (state the optimizer does not keep).
func transposeInto(dst, src []float64, r, c int) []float64 {
	if src == nil {
		return nil
	}
	if cap(dst) < r*c {
		dst = make([]float64, r*c)
	}
	dst = dst[:r*c]
	transpose(src[:r*c], r, c, dst)
	return dst
}

// t0Exit writes the copy back into the network's parameters and optimizer
// state, in their usual layout.
func (n *Network) t0Exit() {
	if !n.t0 {
		return
	}
	L := &n.layers[0]
	r, c := L.in, L.out
	s := &n.t0s
	transpose(s.w, r, c, L.w[:r*c])
	for _, p := range [][2][]float64{{s.vel, n.state.vel}, {s.m, n.state.m}, {s.v, n.state.v}} {
		if p[0] != nil {
			transpose(p[0], r, c, p[1][:r*c])
		}
	}
	n.t0 = false
}

// update takes the optimizer step on params[lo:hi] with gradient g (in the
// parameters' order). While Fit holds layer 0 in n.t0s, the part of the
// range that is layer 0's weights (the first block) is stepped there.
func (n *Network) update(g []float64, lo, hi int) {
	if n.t0 {
		if k := n.layers[0].in * n.layers[0].out; lo < k {
			s := optState{vel: n.t0s.vel, m: n.t0s.m, v: n.t0s.v, t: n.state.t}
			s.update(&n.opt, n.t0s.w, g[:k], nil, lo, k)
			lo = k
		}
	}
	n.state.update(&n.opt, n.params, g, n.frozen, lo, hi)
}
