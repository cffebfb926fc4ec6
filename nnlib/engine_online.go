package nnlib

import "math"

// This file is a shortcut for the most common thing a learner does with a tiny
// network: one online step of plain gradient descent (the seed's train) with
// element-wise activations and a squared-error loss. It computes exactly what
// forward + lossSum + sgdStep1 compute, in one pass with the activation switch
// hoisted out of the loops; TestOnlineShortcutMatches checks it bit for bit.

// onlineOK reports whether trainOnline applies to n.
func (n *Network) onlineOK() bool {
	if n.opt.Kind != KindSGD || (n.loss != SquaredError && n.loss != MSE) {
		return false
	}
	for l := range n.layers {
		k := n.layers[l].kind
		if k == actCustom || k == actSoftmax || actOverrides[k].Load() != nil {
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
				s += v * prev[i]
			}
			if L.shared {
				s += L.b[0]
			} else {
				s += L.b[j]
			}
			z[j] = s
		}
		switch L.kind {
		case actSigmoid:
			for j, v := range z {
				a[j] = 1 / (1 + math.Exp(-v))
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
			e += 0.5 * r * r
			d[j] = oj - t[j]
		}
	} else {
		k := float64(len(o))
		for j, oj := range o {
			r := t[j] - oj
			e += r * r
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
		for j, dj := range d {
			row := w[j*in : j*in+in]
			for i, xi := range x[:len(row)] {
				row[i] -= lr * (dj * xi)
			}
		}
		if !L.shared {
			b := L.b[:out]
			for j, dj := range d {
				b[j] -= lr * dj
			}
		}
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
			dp[i] += dj * row[i]
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
