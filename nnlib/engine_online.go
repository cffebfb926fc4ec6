package nnlib

import "math"

// This file is a shortcut for the most common thing a learner does with a tiny
// network: one online step of plain gradient descent (the seed's train) with
// element-wise activations and a squared-error loss. It computes exactly what
// forward + lossSum + sgdStep1 compute, in one pass over one sample without
// the batch machinery; TestOnlineShortcutMatches checks it bit for bit.

// onlineOK reports whether trainOnline applies to n.
func (n *Network) onlineOK() bool {
	if n.opt.Kind != KindSGD || (n.loss != SquaredError && n.loss != MSE) {
		return false
	}
	for l := range n.layers {
		k := n.layers[l].kind
		if k == actCustom || k == actSoftmax {
			return false
		}
	}
	return true
}

// trainOnline takes one SGD step on the sample in ws.x/ws.t and returns the
// loss before it; when the loss is not finite it returns it without stepping.
func (n *Network) trainOnline(ws *workspace) float64 {
	prev := ws.x[:n.sizes[0]]
	for l := range n.layers {
		L := &n.layers[l]
		in, out := L.in, L.out
		z, a, w := ws.z[l][:out], ws.a[l][:out], L.w[:in*out]
		for j := range z {
			row := w[j*in : j*in+in]
			s := 0.0
			for i, v := range row {
				s += float64(v * prev[i])
			}
			if L.shared {
				s += L.b[0]
			} else {
				s += L.b[j]
			}
			z[j] = s
		}
		// The common activations inline: through activate BenchmarkXOR10k
		// measured ~20% slower.
		switch L.kind {
		case actSigmoid:
			for j, v := range z {
				a[j] = 1 / (1 + exp(-v))
			}
		case actTanh:
			for j, v := range z {
				a[j] = math.Tanh(v)
			}
		default:
			activate(L.act, L.kind, z, a)
		}
		prev = a
	}
	last := len(n.layers) - 1
	Lo := &n.layers[last]
	o, t, d := ws.a[last][:Lo.out], ws.t[:Lo.out], ws.d[last][:Lo.out]
	e := 0.0
	if n.loss == SquaredError {
		for j, oj := range o {
			r := t[j] - oj
			e += float64(0.5 * r * r)
			d[j] = oj - t[j]
		}
	} else {
		k := float64(len(o))
		for j, oj := range o {
			r := t[j] - oj
			e += float64(r * r)
			d[j] = 2 * (oj - t[j]) / k
		}
		e /= k
	}
	if math.IsNaN(e) || math.IsInf(e, 0) {
		return e
	}
	derivFast(Lo, ws.z[last][:Lo.out], o, d)
	lr := n.opt.LearningRate
	for l := last; l >= 0; l-- {
		L := &n.layers[l]
		in, out := L.in, L.out
		d := ws.d[l][:out]
		var x []float64
		if l == 0 {
			x = ws.x[:in]
		} else {
			x = ws.a[l-1][:in]
		}
		w := L.w[:in*out]
		if l > 0 && !n.published {
			passDownFast(L, &n.layers[l-1], w, d, ws.d[l-1][:in], ws.z[l-1][:in], x)
		}
		L.sgd(d, x, lr)
		if l > 0 && n.published {
			passDownFast(L, &n.layers[l-1], w, d, ws.d[l-1][:in], ws.z[l-1][:in], x)
		}
	}
	n.steps++
	return e
}

// passDownFast writes the lower layer's δ: dp_i = Σ_j d_j w_ji · act'(z_i)
// (a = the lower layer's output).
func passDownFast(L, P *layer, w, d, dp, z, a []float64) {
	in := L.in
	clear(dp)
	for j, dj := range d {
		row := w[j*in : j*in+in]
		for i := range dp {
			dp[i] += float64(dj * row[i])
		}
	}
	derivFast(P, z, a, dp)
}

// derivFast multiplies g by act'(z) for the built-in element-wise activations.
func derivFast(L *layer, z, out, g []float64) {
	switch L.kind {
	case actSigmoid:
		for i, o := range out[:len(g)] {
			g[i] *= o * (1 - o)
		}
	default:
		derivInto(L.act, L.kind, z, out, g)
	}
}

// is222 reports whether n is a 2-2-2 network of sigmoids trained online by
// plain gradient descent on the seed's squared error — the worked example and
// everything a learner builds from it by hand. train222 then takes the step
// with every value in a register.
func (n *Network) is222() bool {
	return len(n.layers) == 2 && n.sizes[0] == 2 && n.sizes[1] == 2 && n.sizes[2] == 2 &&
		n.layers[0].kind == actSigmoid && n.layers[1].kind == actSigmoid &&
		n.opt.Kind == KindSGD && n.loss == SquaredError
}

// train222 is trainOnline for a 2-2-2 sigmoid network (is222): the same
// operations in the same order, so the same bits (TestTrain222Matches), with
// no slices, loops or workspace. It returns the loss before the step, and
// takes no step when that loss is not finite.
func (n *Network) train222(x, t []float64) float64 {
	L0, L1 := &n.layers[0], &n.layers[1]
	w, v := L0.w[:4:4], L1.w[:4:4]
	x0, x1 := x[0], x[1]
	t0, t1 := t[0], t[1]
	var b0, b1, c0, c1 float64 // biases of layer 0 and layer 1, per neuron
	if L0.shared {
		b0, b1 = L0.b[0], L0.b[0]
	} else {
		b0, b1 = L0.b[0], L0.b[1]
	}
	if L1.shared {
		c0, c1 = L1.b[0], L1.b[0]
	} else {
		c0, c1 = L1.b[0], L1.b[1]
	}
	// forward, as trainOnline: s := 0; s += w·x …; s += b. Starting from
	// the first product instead of 0 + it gives the same bits (only the
	// sign of a zero sum could differ, and sigmoid(±0) is the same) and one
	// addition less on the step's critical path.
	s := float64(w[0] * x0)
	s += float64(w[1] * x1)
	s += b0
	h0 := 1 / (1 + exp(-s))
	s = float64(w[2] * x0)
	s += float64(w[3] * x1)
	s += b1
	h1 := 1 / (1 + exp(-s))
	s = float64(v[0] * h0)
	s += float64(v[1] * h1)
	s += c0
	o0 := 1 / (1 + exp(-s))
	s = float64(v[2] * h0)
	s += float64(v[3] * h1)
	s += c1
	o1 := 1 / (1 + exp(-s))
	// loss ½Σ(t−o)² and ∂E/∂o
	e := 0.0
	r := t0 - o0
	e += float64(0.5 * r * r)
	r = t1 - o1
	e += float64(0.5 * r * r)
	if math.IsNaN(e) || math.IsInf(e, 0) {
		return e
	}
	d0 := o0 - t0
	d1 := o1 - t1
	d0 *= o0 * (1 - o0)
	d1 *= o1 * (1 - o1)
	lr := n.opt.LearningRate
	// δ of the hidden layer, from the output weights before (exact) or after
	// (published variant) their update
	var p0, p1 float64
	if !n.published {
		p0, p1 = hidden222(d0, d1, v, h0, h1)
	}
	v[0] -= float64(lr * (d0 * h0))
	v[1] -= float64(lr * (d0 * h1))
	v[2] -= float64(lr * (d1 * h0))
	v[3] -= float64(lr * (d1 * h1))
	if !L1.shared {
		L1.b[0] -= float64(lr * d0)
		L1.b[1] -= float64(lr * d1)
	}
	if n.published {
		p0, p1 = hidden222(d0, d1, v, h0, h1)
	}
	w[0] -= float64(lr * (p0 * x0))
	w[1] -= float64(lr * (p0 * x1))
	w[2] -= float64(lr * (p1 * x0))
	w[3] -= float64(lr * (p1 * x1))
	if !L0.shared {
		L0.b[0] -= float64(lr * p0)
		L0.b[1] -= float64(lr * p1)
	}
	n.steps++
	return e
}

// hidden222 returns the hidden layer's δ of a 2-2-2 sigmoid network from the
// output δ d0, d1 and the output weights v, as passDownFast computes it. (p
// starts from its first product rather than 0 +: a zero δ's sign could only
// flip the sign of a weight that is exactly zero, which changes no output.)
func hidden222(d0, d1 float64, v []float64, h0, h1 float64) (p0, p1 float64) {
	p0 = float64(d0 * v[0])
	p1 = float64(d0 * v[1])
	p0 += float64(d1 * v[2])
	p1 += float64(d1 * v[3])
	p0 *= h0 * (1 - h0)
	p1 *= h1 * (1 - h1)
	return p0, p1
}
