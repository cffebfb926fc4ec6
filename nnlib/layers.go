package nnlib

import (
	"fmt"
	"strings"
)

// LayerParams is one layer's parameters — or one layer's part of a gradient —
// as matrices: W[j][i] belongs to the weight from input i to neuron j (one row
// per neuron, as Weights returns them) and B[j] to the bias of neuron j; a
// layer with one shared bias (Shared) has a single B value.
type LayerParams struct {
	Layer  int // 0-based; printed as L1, L2, …
	W      [][]float64
	B      []float64
	Shared bool
}

// String prints the layer's matrices on a few lines.
func (p LayerParams) String() string {
	var b strings.Builder
	in := 0
	if len(p.W) > 0 {
		in = len(p.W[0])
	}
	fmt.Fprintf(&b, "L%d: W %d×%d", p.Layer+1, len(p.W), in)
	for _, row := range p.W {
		b.WriteString("\n  ")
		writeNums(&b, row)
	}
	if p.Shared {
		b.WriteString("\n  b (shared) ")
	} else {
		b.WriteString("\n  b ")
	}
	writeNums(&b, p.B)
	return b.String()
}

// writeNums writes v as [x y z] with 10 significant digits.
func writeNums(b *strings.Builder, v []float64) {
	b.WriteByte('[')
	for i, x := range v {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(fmtNum(x))
	}
	b.WriteByte(']')
}

// SplitByLayer cuts a flat vector in the order of Param — Params, Gradient,
// BatchGradient — into per-layer matrices (copies).
func (n *Network) SplitByLayer(flat []float64) ([]LayerParams, error) {
	if n == nil || len(n.layers) == 0 {
		return nil, errEmpty
	}
	if len(flat) != len(n.params) {
		return nil, fmt.Errorf("SplitByLayer: expected %d values (the network's parameters, in Param order), got %d", len(n.params), len(flat))
	}
	out := make([]LayerParams, len(n.layers))
	for l := range n.layers {
		L := &n.layers[l]
		p := LayerParams{Layer: l, W: make([][]float64, L.out), Shared: L.shared}
		for j := range p.W {
			off := L.woff + j*L.in
			p.W[j] = append([]float64(nil), flat[off:off+L.in]...)
		}
		p.B = append([]float64(nil), flat[L.boff:L.boff+len(L.b)]...)
		out[l] = p
	}
	return out, nil
}

// ParamsByLayer returns the weights and biases of every layer as matrices
// (copies; SetWeights and SetBiases write them back).
func (n *Network) ParamsByLayer() []LayerParams {
	p, err := n.SplitByLayer(n.params)
	if err != nil {
		panic(err)
	}
	return p
}

// GradientByLayer is Gradient as per-layer matrices: ∂E/∂W and ∂E/∂b of one
// sample. The network is unchanged.
func (n *Network) GradientByLayer(input, target []float64) ([]LayerParams, error) {
	g, err := n.Gradient(input, target)
	if err != nil {
		return nil, err
	}
	return n.SplitByLayer(g)
}

// SetWeights sets every weight of layer l from w, one row per neuron with one
// value per input (the shape Weights returns). On a shape mismatch nothing
// changes.
func (n *Network) SetWeights(l int, w [][]float64) error {
	L, err := n.layerAt(l)
	if err != nil {
		return err
	}
	if len(w) != L.out {
		return fmt.Errorf("SetWeights: layer %d has %d neurons, so expected %d rows of %d weights, got %d rows", l, L.out, L.out, L.in, len(w))
	}
	for j, row := range w {
		if len(row) != L.in {
			return fmt.Errorf("SetWeights: layer %d: row %d has %d weights, expected %d (one per input)", l, j, len(row), L.in)
		}
	}
	for j, row := range w {
		copy(L.w[j*L.in:(j+1)*L.in], row)
	}
	return nil
}

// SetBiases sets the biases of layer l, one per neuron (the shape Biases
// returns). A layer with one shared bias takes a single value, or one per
// neuron when they are all equal. On a mismatch nothing changes.
func (n *Network) SetBiases(l int, b []float64) error {
	L, err := n.layerAt(l)
	if err != nil {
		return err
	}
	if L.shared {
		if len(b) == 0 || (len(b) != 1 && len(b) != L.out) {
			return fmt.Errorf("SetBiases: layer %d has one shared bias: expected 1 value (or %d equal ones), got %d", l, L.out, len(b))
		}
		for j, v := range b {
			if v != b[0] {
				return fmt.Errorf("SetBiases: layer %d has one shared bias, but value %d (%v) differs from value 0 (%v)", l, j, v, b[0])
			}
		}
		L.b[0] = b[0]
		return nil
	}
	if len(b) != L.out {
		return fmt.Errorf("SetBiases: layer %d has %d neurons, expected %d biases, got %d", l, L.out, L.out, len(b))
	}
	copy(L.b, b)
	return nil
}
