package nnlib

import "math"

// This file is the reference path: forward, backward and update for every
// layer, activation, loss and optimizer, written once, plainly, with the
// worked example's names (net, out, δ, ∂E/∂w). It is the definition of what a
// training step computes. Trace reads its ledger from here; every fast path in
// engine*.go is checked against it by TestKernelsMatchReference, bit for bit
// where it does the same operations in the same order.
//
// For a batch of B samples the loss is the mean of the per-sample losses, so
// each sample's output δ is scaled by 1/B before it is summed into ∂E/∂w.

// passes holds one sample's forward and backward pass, layer by layer.
type passes struct {
	net, out [][]float64 // net_j = Σ_i w_ji·in_i + b_j;  out_j = act(net_j)
	dEdOut   [][]float64 // ∂E/∂out_j
	delta    [][]float64 // δ_j = ∂E/∂net_j = ∂E/∂out_j · ∂out_j/∂net_j
}

// refForward runs one input through the network: for every layer,
// net_j = Σ_i w_ji·in_i + b_j and out_j = act(net_j).
func (n *Network) refForward(input []float64) *passes {
	p := &passes{}
	in := input
	for l := range n.layers {
		L := &n.layers[l]
		net, out := make([]float64, L.out), make([]float64, L.out)
		for j := range net {
			s := 0.0
			for i, x := range in {
				s += float64(L.w[j*L.in+i] * x)
			}
			net[j] = s + L.bias(j)
		}
		activate(L.act, L.kind, net, out)
		p.net, p.out = append(p.net, net), append(p.out, out)
		in = out
	}
	p.dEdOut = make([][]float64, len(n.layers))
	p.delta = make([][]float64, len(n.layers))
	return p
}

// refLoss is E of one sample after refForward.
func (n *Network) refLoss(p *passes, target []float64) float64 {
	last := len(n.layers) - 1
	L := &n.layers[last]
	return sampleLoss(n.loss, L.act, L.kind, p.net[last], p.out[last], target)
}

// refOutputDelta sets the output layer's ∂E/∂out and δ, scaled by scale (1/B
// in a batch of B).
func (n *Network) refOutputDelta(p *passes, target []float64, scale float64) {
	last := len(n.layers) - 1
	L := &n.layers[last]
	p.dEdOut[last] = make([]float64, L.out)
	lossGrad(n.loss, p.out[last], target, p.dEdOut[last])
	d := make([]float64, L.out)
	outputDelta(n.loss, L.act, L.kind, p.net[last], p.out[last], target, d)
	if scale != 1 {
		for j := range d {
			d[j] *= scale
		}
	}
	p.delta[last] = d
}

// refPassDown sets layer l-1's ∂E/∂out and δ from layer l's δ and weights:
// ∂E/∂out_i = Σ_j δ_j·w_ji, δ_i = ∂E/∂out_i · act'(net_i).
func (n *Network) refPassDown(p *passes, l int) {
	L, P := &n.layers[l], &n.layers[l-1]
	g := make([]float64, L.in)
	for j, dj := range p.delta[l] {
		for i := range g {
			g[i] += float64(dj * L.w[j*L.in+i])
		}
	}
	p.dEdOut[l-1] = append([]float64(nil), g...)
	derivInto(P.act, P.kind, p.net[l-1], p.out[l-1], g)
	p.delta[l-1] = g
}

// refLayerGradient writes layer l's part of ∂E/∂param, summed over the
// samples: ∂E/∂w_ji = Σ δ_j·in_i, ∂E/∂b_j = Σ δ_j (a shared bias sums every
// neuron's δ).
func (n *Network) refLayerGradient(ps []*passes, inputs [][]float64, l int, grad []float64) {
	L := &n.layers[l]
	gw, gb := grad[L.woff:L.woff+L.in*L.out], grad[L.boff:L.boff+len(L.b)]
	clear(gw)
	clear(gb)
	for r, p := range ps {
		in := inputs[r]
		if l > 0 {
			in = p.out[l-1]
		}
		for j, dj := range p.delta[l] {
			for i, x := range in {
				gw[j*L.in+i] += float64(dj * x)
			}
		}
	}
	for _, p := range ps {
		for j, dj := range p.delta[l] {
			if L.shared {
				gb[0] += dj
			} else {
				gb[j] += dj
			}
		}
	}
}

// refStep takes one training step on the mean loss of a batch and returns
// that loss (before the step) and the gradient. The exact rule computes every
// δ from the weights before the step, then updates all layers; the published
// variant updates each layer as soon as its gradient is known, so the δ of
// the layer below comes from the updated weights. A non-finite loss takes no
// step.
func (n *Network) refStep(inputs, targets [][]float64) (float64, []float64) {
	B := len(inputs)
	ps := make([]*passes, B)
	E := 0.0
	for r := range inputs {
		ps[r] = n.refForward(inputs[r])
		E += n.refLoss(ps[r], targets[r])
	}
	E /= float64(B)
	grad := make([]float64, len(n.params))
	if math.IsNaN(E) || math.IsInf(E, 0) {
		return E, grad
	}
	for r := range ps {
		n.refOutputDelta(ps[r], targets[r], 1/float64(B))
	}
	n.state.begin(&n.opt, len(n.params))
	for l := len(n.layers) - 1; l >= 0; l-- {
		n.refLayerGradient(ps, inputs, l, grad)
		if n.published {
			L := &n.layers[l]
			n.state.update(&n.opt, n.params, grad, n.frozen, L.woff, L.boff+len(L.b))
		}
		if l > 0 {
			for _, p := range ps {
				n.refPassDown(p, l)
			}
		}
	}
	if !n.published {
		n.state.update(&n.opt, n.params, grad, n.frozen, 0, len(n.params))
	}
	n.steps++
	return E, grad
}
