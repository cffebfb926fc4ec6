package nnlib

import (
	"fmt"
	"math"
	"runtime"
	"sync"
)

// This file is the whole training path: a forward pass over a batch of rows,
// the loss, and the backward pass (backpropagation) that fills the flat
// gradient and lets the optimizer update the parameters.
//
// Shapes (B = rows in the batch): the input X is B×in, layer l has weights W
// (out×in, one row per neuron), net inputs Z = A_prev·Wᵀ + b (B×out),
// outputs A = act(Z), deltas D = ∂E/∂Z (B×out). Then
//
//	∂E/∂W = Dᵀ·A_prev    ∂E/∂b = column sums of D    ∂E/∂A_prev = D·W
//
// Tiny products are plain loops in the reference's order (reference.go);
// large ones run through one gather kernel (engine_axpy*.go: a sparse row
// times a matrix, fused multiply-adds in a fixed order, AVX2 or pure Go), so
// the same seed gives the same bits on every CPU and with any number of
// cores. One sample at a time has its own loops (engine_one.go).

// loopMax is the product size (B·in·out) from which the gather kernel is used.
const loopMax = 2048

// workspace holds preallocated buffers for batches of up to cap rows.
type workspace struct {
	cap     int
	x, t    []float64   // inputs B×in, targets B×k
	z, a, d [][]float64 // per layer: net, out, delta (B×out)
	grad    []float64   // flat gradient

	// Sparse inputs (MNIST pixels are ~80% zeros): when over half of the batch's
	// inputs are 0, layer 0 works on each row's non-zero inputs only.
	sparse0 bool
	wt      [][]float64 // per layer: Wᵀ (in×out), for the gather kernel
	gt      []float64   // layer 0's ∂E/∂Wᵀ (in×out), when sparse0

	// While Network.t0, Fit hands layer 0 its input rows as nzRows instead of
	// ws.x; affineT turns row r into a list of its non-zero values,
	// nzVal[r·in : r·in+nzCnt[r]] at input indices nzIdx[…] (ascending), which
	// gradT reuses.
	nzRows [][]float64
	nzIdx  []int32
	nzVal  []float64
	nzCnt  []int
	// gradT's regrouping of the lists by input: input i's rows and alpha·x
	// values are colRow/colVal[colOff[i-1]:colOff[i]].
	colOff []int
	colRow []int32
	colVal []float64

	one []sparseVec // per layer: its input's non-zero values, at batch 1 (engine_one.go)

	dt  []float64 // scratch: a transposed δ block
	ids []int32   // 0, 1, 2, …
}

// scratchDt returns a scratch slice of n values.
func (ws *workspace) scratchDt(n int) []float64 {
	if len(ws.dt) < n {
		ws.dt = make([]float64, n)
	}
	return ws.dt[:n]
}

// iota returns the indices 0..n-1.
func (ws *workspace) iota(n int) []int32 {
	for len(ws.ids) < n {
		ws.ids = append(ws.ids, int32(len(ws.ids)))
	}
	return ws.ids[:n]
}

// sparseRow writes row r's non-zero inputs into its slot of the lists.
func (ws *workspace) sparseRow(r, in int) {
	if len(ws.nzCnt) < ws.cap {
		ws.nzIdx = make([]int32, ws.cap*in)
		ws.nzVal = make([]float64, ws.cap*in)
		ws.nzCnt = make([]int, ws.cap)
	}
	idx, val := ws.nzIdx[r*in:(r+1)*in], ws.nzVal[r*in:(r+1)*in]
	row := ws.nzRows[r][:in]
	c, i := 0, 0
	// runs of eight zeros (MNIST's background) are skipped with one test
	for ; i+8 <= len(row); i += 8 {
		q := row[i : i+8 : i+8]
		if math.Float64bits(q[0])|math.Float64bits(q[1])|math.Float64bits(q[2])|math.Float64bits(q[3])|
			math.Float64bits(q[4])|math.Float64bits(q[5])|math.Float64bits(q[6])|math.Float64bits(q[7]) == 0 {
			continue
		}
		for k, v := range q {
			idx[c], val[c] = int32(i+k), v // written always, kept when non-zero
			u := math.Float64bits(v) << 1  // 0 for ±0
			c += int((u | -u) >> 63)       // branch-free: +1 unless zero
		}
	}
	for ; i < len(row); i++ {
		idx[c], val[c] = int32(i), row[i]
		if row[i] != 0 {
			c++
		}
	}
	ws.nzCnt[r] = c
}

func (n *Network) work(B int) *workspace {
	if n.ws != nil && n.ws.cap >= B && len(n.ws.grad) == len(n.params) {
		return n.ws
	}
	ws := &workspace{cap: B}
	ws.x = make([]float64, B*n.sizes[0])
	ws.t = make([]float64, B*n.sizes[len(n.sizes)-1])
	nl := len(n.layers)
	ws.z, ws.a, ws.d = make([][]float64, nl), make([][]float64, nl), make([][]float64, nl)
	for l := range n.layers {
		k := B * n.layers[l].out
		ws.z[l], ws.a[l], ws.d[l] = make([]float64, k), make([]float64, k), make([]float64, k)
	}
	ws.grad = make([]float64, len(n.params))
	ws.one = make([]sparseVec, nl)
	n.ws = ws
	return ws
}

func (n *Network) checkInput(input []float64) error {
	if n == nil || len(n.layers) == 0 {
		return errEmpty
	}
	if len(input) != n.sizes[0] {
		return fmt.Errorf("layer 0: weights are %d×%d but the input has %d values (the network expects %d inputs)",
			n.layers[0].out, n.layers[0].in, len(input), n.sizes[0])
	}
	return nil
}

// errEmpty is the error of every call on a zero Network.
var errEmpty = fmt.Errorf("empty network: expected one built by nnlib.New, nnlib.Build, nnlib.WorkedExample or nnlib.Load, got a zero Network")

func (n *Network) checkTarget(target []float64) error {
	k := n.sizes[len(n.sizes)-1]
	if len(target) != k {
		return fmt.Errorf("output layer %d has %d neurons but the target has %d values", len(n.layers)-1, k, len(target))
	}
	return nil
}

// load copies rows into the workspace (inputs, and targets when non-nil).
func (n *Network) load(ws *workspace, inputs, targets [][]float64) {
	in, k := n.sizes[0], n.sizes[len(n.sizes)-1]
	for r, row := range inputs {
		copy(ws.x[r*in:(r+1)*in], row)
	}
	for r, row := range targets {
		copy(ws.t[r*k:(r+1)*k], row)
	}
}

// forward computes Z and A of every layer for the first B rows of ws.x.
func (n *Network) forward(ws *workspace, B int) {
	prev := ws.x[:B*n.sizes[0]]
	ws.sparse0 = false
	if L := &n.layers[0]; !n.t0 && B*L.in*L.out >= parMin {
		zeros := 0
		for _, v := range prev {
			if v == 0 {
				zeros++
			}
		}
		ws.sparse0 = 2*zeros > len(prev)
	}
	for l := range n.layers {
		L := &n.layers[l]
		z, a := ws.z[l][:B*L.out], ws.a[l][:B*L.out]
		if l == 0 && n.t0 {
			affineT(L, n.t0s.w, ws, z, B)
		} else if B == 1 {
			ws.one[l].of(prev)
			affine1(L, &ws.one[l], z)
		} else if l == 0 && ws.sparse0 {
			n.affineSparse(ws, prev, z, B)
		} else {
			n.affine(ws, l, prev, z, B)
		}
		if L.kind == actReLU {
			reluRows(z, a)
		} else {
			for r := 0; r < B; r++ {
				activate(L.act, L.kind, z[r*L.out:(r+1)*L.out], a[r*L.out:(r+1)*L.out])
			}
		}
		prev = a
	}
}

// posMax is the bit pattern of +Inf: x > 0 exactly when 1 ≤ bits(x) ≤ posMax
// (which leaves out ±0, negatives and NaN).
const posMax = 0x7FF0000000000000

// reluRows is activate for ReLU over a whole block of rows, without branches
// (about half the signs are unpredictable): out = z when z > 0, else 0 (also
// for NaN), as activate computes it.
func reluRows(z, out []float64) {
	out = out[:len(z)]
	for i, x := range z {
		u := math.Float64bits(x)
		var m uint64
		if u-1 < posMax {
			m = ^uint64(0)
		}
		out[i] = math.Float64frombits(u & m)
	}
}

// reluDerivRows is derivInto for ReLU over a whole block of rows, without
// branches: g = 0 where z ≤ 0; g is kept where z > 0 or z is NaN.
func reluDerivRows(z, g []float64) {
	g = g[:len(z)]
	for i, x := range z {
		u := math.Float64bits(x)
		var pos, nan uint64 // two conditional moves, no branch
		if u-1 < posMax {
			pos = ^uint64(0)
		}
		if u<<1 > posMax<<1 {
			nan = ^uint64(0)
		}
		g[i] = math.Float64frombits(math.Float64bits(g[i]) & (pos | nan))
	}
}

// affine writes Z = A·Wᵀ + b for layer l. Small products are plain loops in
// the reference's order. Large ones go row by row through the gather kernel:
// z_r = b + Σ_i a_ri·Wᵀ[i,:] with Wᵀ transposed into scratch once per call,
// one fused multiply-add per term in input order, the rows split over the
// cores — so the bits depend neither on the CPU nor on the number of cores.
func (n *Network) affine(ws *workspace, l int, A, Z []float64, B int) {
	L := &n.layers[l]
	in, out := L.in, L.out
	if B*in*out < loopMax {
		for r := 0; r < B; r++ {
			x := A[r*in : (r+1)*in]
			zr := Z[r*out : (r+1)*out]
			for j := range zr {
				w := L.w[j*in : (j+1)*in]
				s := 0.0
				for i, xi := range x {
					s += float64(w[i] * xi)
				}
				zr[j] = s + L.bias(j)
			}
		}
		return
	}
	wt := ws.transposed(l, L)
	ids := ws.iota(in)
	parallel(B, 8, func(r0, r1 int) {
		for r := r0; r < r1; r++ {
			zr := Z[r*out : (r+1)*out]
			L.biasInto(zr)
			gatherRow(ids, A[r*in:(r+1)*in], wt, out, zr)
		}
	})
}

// transposed returns layer l's weights transposed (in×out) in scratch.
func (ws *workspace) transposed(l int, L *layer) []float64 {
	if len(ws.wt) != len(ws.z) {
		ws.wt = make([][]float64, len(ws.z))
	}
	if len(ws.wt[l]) != L.in*L.out {
		ws.wt[l] = make([]float64, L.in*L.out)
	}
	transpose(L.w, L.out, L.in, ws.wt[l])
	return ws.wt[l]
}

// affineSparse is affine for a first layer whose inputs are mostly zeros:
// affineT on Wᵀ in scratch, over each row's non-zero inputs only (the
// skipped w·0 terms would add exact zeros to the fused sums).
func (n *Network) affineSparse(ws *workspace, X, Z []float64, B int) {
	L := &n.layers[0]
	wt := ws.transposed(0, L)
	ws.nzRows = ws.nzRows[:0]
	for r := 0; r < B; r++ {
		ws.nzRows = append(ws.nzRows, X[r*L.in:(r+1)*L.in])
	}
	affineT(L, wt, ws, Z, B)
}

// transpose writes the r×c matrix a (row-major) into t as c×r. Narrow sources
// are read row by row; wide ones are written row by row in 16-row strips (the
// faster order for each, measured at 784×128 and 128×784).
func transpose(a []float64, r, c int, t []float64) {
	if c <= 128 {
		parallel(r, 64, func(i0, i1 int) {
			for i := i0; i < i1; i++ {
				for j, v := range a[i*c : (i+1)*c] {
					t[j*r+i] = v
				}
			}
		})
		return
	}
	const blk = 16
	parallel(c, 64, func(j0, j1 int) {
		for i0 := 0; i0 < r; i0 += blk {
			i1 := min(i0+blk, r)
			for j := j0; j < j1; j++ {
				tr := t[j*r+i0 : j*r+i1]
				for k := range tr {
					tr[k] = a[(i0+k)*c+j]
				}
			}
		}
	})
}

// parMin is the product size (B·in·out) from which work is split over cores.
const parMin = 1 << 18

// parallel runs f over [0, n) split into chunks on all cores when n is large.
func parallel(n, minChunk int, f func(lo, hi int)) {
	p := runtime.GOMAXPROCS(0)
	if p < 2 || n < 2*minChunk {
		f(0, n)
		return
	}
	p = min(p, n/minChunk)
	var wg sync.WaitGroup
	for k := 0; k < p; k++ {
		lo, hi := n*k/p, n*(k+1)/p
		wg.Add(1)
		go func() { defer wg.Done(); f(lo, hi) }()
	}
	wg.Wait()
}

// lossSum returns the sum of the per-sample losses of the first B rows.
func (n *Network) lossSum(ws *workspace, B int) float64 {
	last := len(n.layers) - 1
	L := &n.layers[last]
	k := L.out
	s := 0.0
	for r := 0; r < B; r++ {
		s += sampleLoss(n.loss, L.act, L.kind, ws.z[last][r*k:(r+1)*k], ws.a[last][r*k:(r+1)*k], ws.t[r*k:(r+1)*k])
	}
	return s
}

// backward fills ws.grad with the gradient of the mean loss over the first B
// rows. With update it also takes one optimizer step; in the published variant
// each layer is updated as soon as its gradient is known, so the layer below
// sees the updated weights.
func (n *Network) backward(ws *workspace, B int, update bool) {
	n.backwardScaled(ws, B, 1/float64(B), update)
}

// backwardScaled is backward for the loss Σ_rows E · inv (inv = 1/B for the
// mean over this batch; 1/M when the rows are one chunk of a batch of M).
func (n *Network) backwardScaled(ws *workspace, B int, inv float64, update bool) {
	last := len(n.layers) - 1
	Lo := &n.layers[last]
	k := Lo.out
	for r := 0; r < B; r++ {
		d := ws.d[last][r*k : (r+1)*k]
		outputDelta(n.loss, Lo.act, Lo.kind, ws.z[last][r*k:(r+1)*k], ws.a[last][r*k:(r+1)*k], ws.t[r*k:(r+1)*k], d)
		if inv != 1 {
			for i := range d {
				d[i] *= inv
			}
		}
	}
	if update {
		n.state.begin(&n.opt, len(n.params))
	}
	fused0 := false // layer 0's weights already stepped (t0, plain SGD)
	for l := last; l >= 0; l-- {
		L := &n.layers[l]
		in, out := L.in, L.out
		D := ws.d[l][:B*out]
		var A []float64
		if l == 0 {
			A = ws.x[:B*in]
		} else {
			A = ws.a[l-1][:B*in]
		}
		gw := ws.grad[L.woff : L.woff+in*out]
		gb := ws.grad[L.boff : L.boff+len(L.b)]
		// ∂E/∂W = Dᵀ·A, ∂E/∂b = Σ rows of D
		if l == 0 && n.t0 {
			// Wᵀ is stored: ∂E/∂Wᵀ = Xᵀ·D, skipping zero inputs. Plain gradient
			// descent folds the step in, Wᵀ −= lr·Xᵀ·D, so neither a gradient
			// buffer nor a second pass over the 100k weights is needed.
			if update && n.opt.Kind == KindSGD {
				gradT(ws, D, B, in, out, -n.opt.LearningRate, n.t0s.w)
				fused0 = true
			} else {
				clear(gw)
				gradT(ws, D, B, in, out, 1, gw)
			}
		} else if l == 0 && ws.sparse0 {
			// ∂E/∂Wᵀ = Xᵀ·D from the non-zero lists of the forward pass,
			// then transposed into place
			if len(ws.gt) != in*out {
				ws.gt = make([]float64, in*out)
			}
			clear(ws.gt)
			gradT(ws, D, B, in, out, 1, ws.gt)
			transpose(ws.gt, in, out, gw)
		} else if B*in*out < loopMax {
			clear(gw)
			for r := 0; r < B; r++ {
				x := A[r*in : (r+1)*in]
				dr := D[r*out : (r+1)*out]
				for j, dj := range dr {
					g := gw[j*in : (j+1)*in]
					for i, xi := range x {
						g[i] += float64(dj * xi)
					}
				}
			}
		} else {
			// gw[j,:] = Σ_r D[r,j]·A[r,:], one row of gw in registers at a time
			dt := ws.scratchDt(B * out)
			for r := 0; r < B; r++ {
				for j, dj := range D[r*out : (r+1)*out] {
					dt[j*B+r] = dj
				}
			}
			ids := ws.iota(B)
			for j := 0; j < out; j++ {
				g := gw[j*in : (j+1)*in]
				clear(g)
				gatherRow(ids, dt[j*B:(j+1)*B], A, in, g)
			}
		}
		clear(gb)
		for r := 0; r < B; r++ {
			dr := D[r*out : (r+1)*out]
			if L.shared {
				for _, dj := range dr {
					gb[0] += dj
				}
			} else {
				for j, dj := range dr {
					gb[j] += dj
				}
			}
		}
		if update && n.published {
			lo := L.woff
			if l == 0 && fused0 {
				lo = L.boff
			}
			n.update(ws.grad, lo, L.boff+len(L.b))
		}
		if l == 0 {
			break
		}
		// ∂E/∂A_prev = D·W, then times act'(Z_prev)
		P := &n.layers[l-1]
		Dp := ws.d[l-1][:B*in]
		if B*in*out < loopMax {
			for r := 0; r < B; r++ {
				dr := D[r*out : (r+1)*out]
				dp := Dp[r*in : (r+1)*in]
				clear(dp)
				for j, dj := range dr {
					w := L.w[j*in : (j+1)*in]
					for i := range dp {
						dp[i] += float64(dj * w[i])
					}
				}
			}
		} else {
			// Dp[r,:] = Σ_j D[r,j]·W[j,:], one row of Dp in registers at a time
			ids := ws.iota(out)
			for r := 0; r < B; r++ {
				dp := Dp[r*in : (r+1)*in]
				clear(dp)
				gatherRow(ids, D[r*out:(r+1)*out], L.w, in, dp)
			}
		}
		if P.kind == actReLU {
			reluDerivRows(ws.z[l-1][:B*in], Dp)
		} else {
			for r := 0; r < B; r++ {
				derivInto(P.act, P.kind, ws.z[l-1][r*in:(r+1)*in], ws.a[l-1][r*in:(r+1)*in], Dp[r*in:(r+1)*in])
			}
		}
	}
	if update {
		if !n.published {
			lo := 0
			if fused0 { // layer 0's weights (the first block) have been stepped
				lo = n.layers[0].boff
			}
			n.update(ws.grad, lo, len(n.params))
		}
		n.steps++
	}
}

// output returns the output rows of the last forward pass.
func (n *Network) output(ws *workspace, r int) []float64 {
	k := n.sizes[len(n.sizes)-1]
	return ws.a[len(n.layers)-1][r*k : (r+1)*k]
}

// Predict runs the forward pass (the seed's feed_forward) and returns the
// outputs. The network is unchanged. An input holding NaN is an error (ReLU
// would quietly turn it into 0).
func (n *Network) Predict(input []float64) ([]float64, error) {
	if err := n.checkInput(input); err != nil {
		return nil, err
	}
	if err := checkNaN(input); err != nil {
		return nil, err
	}
	ws := n.work(1)
	copy(ws.x, input)
	n.forward(ws, 1)
	return append([]float64(nil), n.output(ws, 0)...), nil
}

// checkNaN names the first NaN of an input row.
func checkNaN(input []float64) error {
	for i, v := range input {
		if v != v {
			return fmt.Errorf("input %d is NaN: expected numbers (a missing value? fill or drop it first)", i)
		}
	}
	return nil
}

// PredictBatch runs the forward pass on many inputs at once (faster than
// calling Predict in a loop for wide layers). An input holding NaN is an
// error; so is a done cell context (see SetCellContext), checked every 256
// rows.
func (n *Network) PredictBatch(inputs [][]float64) ([][]float64, error) {
	if n == nil || len(n.layers) == 0 {
		return nil, errEmpty
	}
	for r, x := range inputs {
		if err := n.checkInput(x); err != nil {
			return nil, fmt.Errorf("row %d: %w", r, err)
		}
		if err := checkNaN(x); err != nil {
			return nil, fmt.Errorf("row %d: %w", r, err)
		}
	}
	const chunk = 256
	out := make([][]float64, len(inputs))
	k := n.NumOutputs()
	flat := make([]float64, len(inputs)*k)
	done := cellDone()
	for lo := 0; lo < len(inputs); lo += chunk {
		if isDone(done) {
			return nil, fmt.Errorf("PredictBatch stopped after %d of %d rows: %w", lo, len(inputs), cellErr())
		}
		hi := min(lo+chunk, len(inputs))
		ws := n.work(hi - lo)
		n.load(ws, inputs[lo:hi], nil)
		n.forward(ws, hi-lo)
		for r := lo; r < hi; r++ {
			out[r] = flat[r*k : (r+1)*k : (r+1)*k]
			copy(out[r], n.output(ws, r-lo))
		}
	}
	return out, nil
}

// SampleLoss returns the loss E of one sample. The network is unchanged.
func (n *Network) SampleLoss(input, target []float64) (float64, error) {
	if err := n.checkInput(input); err != nil {
		return 0, err
	}
	if err := n.checkTarget(target); err != nil {
		return 0, err
	}
	ws := n.work(1)
	copy(ws.x, input)
	copy(ws.t, target)
	n.forward(ws, 1)
	return n.lossSum(ws, 1), nil
}

// Gradient returns ∂E/∂param for one sample, in the order of Param (frozen
// shared biases included). The network is unchanged.
func (n *Network) Gradient(input, target []float64) ([]float64, error) {
	if err := n.checkInput(input); err != nil {
		return nil, err
	}
	if err := n.checkTarget(target); err != nil {
		return nil, err
	}
	ws := n.work(1)
	copy(ws.x, input)
	copy(ws.t, target)
	n.forward(ws, 1)
	n.backward(ws, 1, false)
	return append([]float64(nil), ws.grad...), nil
}

// BatchGradient returns the mean of the per-sample gradients ∂E/∂param over a
// batch, in the order of Param — the gradient one TrainBatch step follows.
// SplitByLayer turns it into per-layer matrices. The network is unchanged; a
// done cell context (see SetCellContext) stops it, between chunks of 1024
// rows, with an error.
func (n *Network) BatchGradient(inputs, targets [][]float64) ([]float64, error) {
	if err := n.checkRows(inputs, targets); err != nil {
		return nil, fmt.Errorf("BatchGradient: %w", err)
	}
	M := len(inputs)
	if M == 0 {
		return nil, fmt.Errorf("BatchGradient: expected at least one sample, got 0")
	}
	sum := make([]float64, len(n.params))
	done := cellDone()
	for lo := 0; lo < M; lo += fitChunk {
		if isDone(done) {
			return nil, fmt.Errorf("BatchGradient stopped after %d of %d rows: %w", lo, M, cellErr())
		}
		hi := min(lo+fitChunk, M)
		ws := n.work(hi - lo)
		n.load(ws, inputs[lo:hi], targets[lo:hi])
		n.forward(ws, hi-lo)
		n.backwardScaled(ws, hi-lo, 1/float64(M), false)
		for i, g := range ws.grad {
			sum[i] += g
		}
	}
	return sum, nil
}

// Train takes one online step on one sample (the seed's train) and returns the
// loss before the step. A non-finite loss is an error and the step is not
// taken; so is a done cell context (see SetCellContext).
func (n *Network) Train(input, target []float64) (float64, error) {
	if err := cellErr(); err != nil {
		return 0, fmt.Errorf("Train: %w", err)
	}
	if err := n.checkInput(input); err != nil {
		return 0, err
	}
	if err := n.checkTarget(target); err != nil {
		return 0, err
	}
	var e float64
	if k := n.pick(1, false); k == k222 {
		e = n.train222(input, target) // straight from the caller's slices
	} else {
		ws := n.work(1)
		copy(ws.x, input)
		copy(ws.t, target)
		e = n.take(k, ws, 1)
	}
	if math.IsNaN(e) || math.IsInf(e, 0) {
		return e, fmt.Errorf("step %d: %w", n.steps+1, badLoss(e, [][]float64{input}, nil, "the step was not taken"))
	}
	return e, nil
}

// badLoss explains a non-finite loss e: a NaN in one of the inputs (named
// by its position, or by rows[position] when rows is given — Fit's data set
// rows), or else a step too large. stopped says what did not happen.
func badLoss(e float64, inputs [][]float64, rows []int, stopped string) error {
	for r, x := range inputs {
		err := checkNaN(x)
		switch {
		case err == nil:
			continue
		case rows != nil:
			return fmt.Errorf("loss is %g: row %d of the data: %w; %s", e, rows[r], err, stopped)
		case len(inputs) > 1:
			return fmt.Errorf("loss is %g: sample %d: %w; %s", e, r, err, stopped)
		}
		return fmt.Errorf("loss is %g: %w; %s", e, err, stopped)
	}
	return fmt.Errorf("loss is %g; %s (try a smaller learning rate)", e, stopped)
}

// bias returns the bias of neuron j (the shared one when the layer has one).
func (L *layer) bias(j int) float64 {
	if L.shared {
		return L.b[0]
	}
	return L.b[j]
}

// biasInto starts a row of pre-activations z (one per neuron) at the
// layer's biases.
func (L *layer) biasInto(z []float64) {
	if L.shared {
		for j := range z {
			z[j] = L.b[0]
		}
	} else {
		copy(z, L.b)
	}
}

// sgd takes one plain gradient-descent step on the layer's weights and, when
// they are its own, its biases, from its δ d and its input x:
// w_ji −= lr·(d_j·x_i), b_j −= lr·d_j.
func (L *layer) sgd(d, x []float64, lr float64) {
	in := L.in
	w := L.w[:in*L.out]
	for j, dj := range d {
		row := w[j*in : j*in+in]
		for i, xi := range x[:len(row)] {
			row[i] -= float64(lr * (dj * xi))
		}
	}
	if !L.shared {
		b := L.b[:L.out]
		for j, dj := range d {
			b[j] -= float64(lr * dj)
		}
	}
}

// sgdStep1 is backward plus a plain gradient-descent update for one sample,
// fused: each weight moves by lr·δ_j·in_i as soon as δ_j is known, after (or,
// in the published variant, before) the layer's δ has been passed down. The
// arithmetic is the reference path's, bit for bit (TestKernelsMatchReference);
// it skips the gradient buffer and the terms of zero inputs and zero δs
// (layer.sgd1), which makes tiny networks and sparse inputs several times
// faster.
func (n *Network) sgdStep1(ws *workspace) {
	last := len(n.layers) - 1
	Lo := &n.layers[last]
	outputDelta(n.loss, Lo.act, Lo.kind, ws.z[last][:Lo.out], ws.a[last][:Lo.out], ws.t[:Lo.out], ws.d[last][:Lo.out])
	lr := n.opt.LearningRate
	for l := last; l >= 0; l-- {
		L := &n.layers[l]
		d := ws.d[l][:L.out]
		if l > 0 && !n.published {
			n.passDown(l, d)
		}
		L.sgd1(d, &ws.one[l], lr)
		if l > 0 && n.published {
			n.passDown(l, d)
		}
	}
	n.steps++
}

// passDown computes layer l-1's δ from layer l's δ (one sample).
func (n *Network) passDown(l int, d []float64) {
	L, P := &n.layers[l], &n.layers[l-1]
	in := L.in
	dp := n.ws.d[l-1][:in]
	clear(dp)
	for j, dj := range d {
		row := L.w[j*in : (j+1)*in]
		for i := range dp {
			dp[i] += float64(dj * row[i])
		}
	}
	derivInto(P.act, P.kind, n.ws.z[l-1][:in], n.ws.a[l-1][:in], dp)
}

// TrainBatch takes one step on the mean loss of a batch of samples and returns
// that mean loss (before the step).
func (n *Network) TrainBatch(inputs, targets [][]float64) (float64, error) {
	if err := cellErr(); err != nil {
		return 0, fmt.Errorf("TrainBatch: %w", err)
	}
	if err := n.checkRows(inputs, targets); err != nil {
		return 0, err
	}
	if len(inputs) == 0 {
		return 0, fmt.Errorf("TrainBatch: expected at least one sample, got 0")
	}
	B := len(inputs)
	ws := n.work(B)
	if !n.t0Eligible(B) {
		n.load(ws, inputs, targets)
		return n.batchStep(ws, B, inputs)
	}
	// the first layer's fast path (as in Fit), for this one step; t0Enter
	// makes the optimizer's state, which a step that is not taken drops again
	fresh := n.state.vel == nil && n.state.m == nil
	e, err := func() (float64, error) {
		n.t0Enter()
		defer n.t0Exit()
		ws.nzRows = append(ws.nzRows[:0], inputs...)
		n.load(ws, nil, targets)
		return n.batchStep(ws, B, inputs)
	}()
	if err != nil && fresh {
		n.state.vel, n.state.m, n.state.v = nil, nil, nil
	}
	return e, err
}

// batchStep takes one step on the first B rows loaded into ws (through the
// dispatch point) and returns their mean loss, or an error when it is not
// finite (then no step is taken); inputs explain such a loss.
func (n *Network) batchStep(ws *workspace, B int, inputs [][]float64) (float64, error) {
	e := n.take(n.pick(B, true), ws, B) / float64(B)
	if math.IsNaN(e) || math.IsInf(e, 0) {
		return e, fmt.Errorf("step %d: %w", n.steps+1, badLoss(e, inputs, nil, "the step was not taken"))
	}
	return e, nil
}

func (n *Network) checkRows(inputs, targets [][]float64) error {
	if len(inputs) != len(targets) {
		return fmt.Errorf("expected as many targets as inputs: %d inputs, %d targets", len(inputs), len(targets))
	}
	for r := range inputs {
		if err := n.checkInput(inputs[r]); err != nil {
			return fmt.Errorf("sample %d: %w", r, err)
		}
		if err := n.checkTarget(targets[r]); err != nil {
			return fmt.Errorf("sample %d: %w", r, err)
		}
	}
	return nil
}

func (n *Network) checkData(d *Dataset) error {
	if n == nil || len(n.layers) == 0 {
		return errEmpty
	}
	if d == nil {
		return fmt.Errorf("expected a data set, got nil")
	}
	return n.checkRows(d.Inputs, d.Targets)
}

// lossOver returns the summed loss over d and the number of correct class
// decisions (when counting). It returns an error, between chunks of rows, once
// done is closed.
func (n *Network) lossOver(d *Dataset, count bool, done <-chan struct{}) (sum float64, correct int, err error) {
	const chunk = 256
	labels := d.Labels
	for lo := 0; lo < d.Len(); lo += chunk {
		if isDone(done) {
			return 0, 0, errStopped
		}
		hi := min(lo+chunk, d.Len())
		ws := n.work(hi - lo)
		n.load(ws, d.Inputs[lo:hi], d.Targets[lo:hi])
		n.forward(ws, hi-lo)
		sum += n.lossSum(ws, hi-lo)
		if count {
			for r := lo; r < hi; r++ {
				want := 0
				if labels != nil {
					want = labels[r]
				} else {
					want = Class(d.Targets[r])
				}
				if Class(n.output(ws, r-lo)) == want {
					correct++
				}
			}
		}
	}
	return sum, correct, nil
}

// TotalError returns the sum of the per-sample losses over d (the seed's
// calculate_total_error). The network is unchanged. A done cell context (see
// SetCellContext) stops it with an error.
func (n *Network) TotalError(d *Dataset) (float64, error) {
	if err := n.checkData(d); err != nil {
		return 0, err
	}
	s, _, err := n.lossOver(d, false, cellDone())
	if err != nil {
		return 0, fmt.Errorf("TotalError: %w", cellErr())
	}
	return s, nil
}

// Evaluate returns the mean loss over d. The network is unchanged. A done cell
// context (see SetCellContext) stops it with an error.
func (n *Network) Evaluate(d *Dataset) (float64, error) {
	if err := n.checkData(d); err != nil {
		return 0, err
	}
	if d.Len() == 0 {
		return 0, fmt.Errorf("Evaluate: expected at least one sample, got 0")
	}
	s, _, err := n.lossOver(d, false, cellDone())
	if err != nil {
		return 0, fmt.Errorf("Evaluate: %w", cellErr())
	}
	return s / float64(d.Len()), nil
}
