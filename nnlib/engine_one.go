package nnlib

// One sample at a time (Train, Predict, Fit at batch 1): each layer works on
// the non-zero values of its input only — about a fifth of MNIST's pixels,
// and every active ReLU — in the reference path's order. The reference's sums
// start at +0 and so are never −0; adding a skipped w·0 = ±0 term would
// change no bit of them. (Weights that are ±Inf or NaN times a zero input are
// the exception: the reference gets NaN there.)

// sparseVec is the non-zero values of a vector and their indices, ascending.
type sparseVec struct {
	idx []int32
	val []float64
}

// of lists the non-zero values of x.
func (s *sparseVec) of(x []float64) {
	s.idx, s.val = s.idx[:0], s.val[:0]
	for i, v := range x {
		if v != 0 {
			s.idx = append(s.idx, int32(i))
			s.val = append(s.val, v)
		}
	}
}

// affine1 writes z_j = Σ_i w_ji·x_i + b_j for one input given as its
// non-zero values, each sum taken in input order as refForward takes it;
// four neurons are summed side by side (independent chains).
func affine1(L *layer, x *sparseVec, z []float64) {
	in, w := L.in, L.w
	idx, val := x.idx, x.val[:len(x.idx)]
	j := 0
	for ; j+4 <= L.out; j += 4 {
		r0 := w[j*in : (j+1)*in]
		r1 := w[(j+1)*in : (j+2)*in]
		r2 := w[(j+2)*in : (j+3)*in]
		r3 := w[(j+3)*in : (j+4)*in]
		var s0, s1, s2, s3 float64
		for k, i := range idx {
			v := val[k]
			s0 += float64(r0[i] * v)
			s1 += float64(r1[i] * v)
			s2 += float64(r2[i] * v)
			s3 += float64(r3[i] * v)
		}
		z[j] = s0 + L.bias(j)
		z[j+1] = s1 + L.bias(j+1)
		z[j+2] = s2 + L.bias(j+2)
		z[j+3] = s3 + L.bias(j+3)
	}
	for ; j < L.out; j++ {
		r := w[j*in : (j+1)*in]
		s := 0.0
		for k, i := range idx {
			s += float64(r[i] * val[k])
		}
		z[j] = s + L.bias(j)
	}
}

// sgd1 takes one plain gradient-descent step on the layer's weights and own
// biases from its δ d and its input x (non-zero values):
// w_ji −= lr·(d_j·x_i), b_j −= lr·d_j, skipping the terms with d_j = 0 or
// x_i = 0, which move no weight (but one of exactly −0, to +0).
func (L *layer) sgd1(d []float64, x *sparseVec, lr float64) {
	in := L.in
	idx, val := x.idx, x.val[:len(x.idx)]
	for j, dj := range d[:L.out] {
		if dj == 0 {
			continue
		}
		row := L.w[j*in : (j+1)*in]
		for k, i := range idx {
			row[i] -= float64(lr * (dj * val[k]))
		}
	}
	if !L.shared {
		b := L.b[:L.out]
		for j, dj := range d {
			b[j] -= float64(lr * dj)
		}
	}
}
