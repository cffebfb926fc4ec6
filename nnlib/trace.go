package nnlib

import (
	"fmt"
	"sort"
	"strings"
)

// Trace is the ledger of one training step on one sample: every intermediate
// of the forward and backward pass, in the order the seed's blog walks through
// them. Print it to see the tables; read single numbers with Value using the
// key names of blog-example.json ("net_h1", "delta_o1", "dEo1_dout_h1",
// "dE_dw5", "updated_weights.w5", "after_first_update.E_total", …).
//
// For the seed's 2-2-2 network the names are i1, h1, o1, w1..w8, b1, b2; for
// any other network inputs are x[i], neurons L2[j] (layer counted from 1) and
// weights L2.W[j,i].
type Trace struct {
	Input, Target []float64
	Layers        []TraceLayer // one per weight layer, input side first
	E             []float64    // ½(t−o)² (or the loss's share) per output
	ETotal        float64      // E for the sample
	Published     bool         // hidden δs used the already-updated weights
	After         []float64    // outputs after the step
	ETotalAfter   float64      // E after the step
	Loss          Loss
	Optimizer     Optimizer

	text string
	keys []string // "section.key", in order
	vals map[string]float64
}

// TraceLayer holds one layer's part of a Trace (j = neuron, i = input).
type TraceLayer struct {
	Names    []string    // neuron names
	InNames  []string    // names of the inputs to this layer
	WNames   [][]string  // weight names [j][i]
	BNames   []string    // bias names (one when shared)
	Net, Out []float64   // net input and output per neuron
	DEDOut   []float64   // ∂E/∂out_j
	DOutDNet []float64   // ∂out_j/∂net_j (softmax: the Jacobian's diagonal)
	Delta    []float64   // δ_j = ∂E/∂net_j
	UsedW    [][]float64 // hidden layers: the next layer's weights w_kj used for ∂net_k/∂out_j, [k][j]
	Contrib  [][]float64 // hidden layers: δ_k·w_kj, output k's share of ∂E/∂out_j, [k][j]
	DEDW     [][]float64 // ∂E/∂w_ji = δ_j·in_i
	DEDB     []float64   // ∂E/∂b
	OldW     [][]float64 // weights before the step
	NewW     [][]float64 // weights after the step
	OldB     []float64
	NewB     []float64
	Shared   bool // one frozen bias shared by the layer
	Output   bool // the output layer

	softmax bool
}

// Trace computes the ledger of one training step on (input, target) without
// changing the network (TraceStep also takes the step).
func (n *Network) Trace(input, target []float64) (*Trace, error) {
	tr, _, err := n.trace(input, target)
	return tr, err
}

// TraceStep is Trace followed by the step itself, exactly as Train takes it.
func (n *Network) TraceStep(input, target []float64) (*Trace, error) {
	if err := cellErr(); err != nil {
		return nil, fmt.Errorf("TraceStep: %w", err)
	}
	tr, c, err := n.trace(input, target)
	if err != nil {
		return nil, err
	}
	copy(n.params, c.params)
	n.state, n.steps = c.state, c.steps
	return tr, nil
}

func (n *Network) trace(input, target []float64) (*Trace, *Network, error) {
	if err := n.checkInput(input); err != nil {
		return nil, nil, err
	}
	if err := n.checkTarget(target); err != nil {
		return nil, nil, err
	}
	c := n.Clone()
	if _, err := c.Train(input, target); err != nil {
		return nil, nil, err
	}
	tr := &Trace{Input: append([]float64(nil), input...), Target: append([]float64(nil), target...),
		Published: n.published, Loss: n.loss, Optimizer: n.opt, vals: map[string]float64{}}
	nl := len(n.layers)
	tr.Layers = make([]TraceLayer, nl)
	inNames := make([]string, n.sizes[0])
	for i := range inNames {
		inNames[i] = n.neuronName(-1, i)
	}
	// The numbers come from the reference path (reference.go); this
	// function only names them. In the published variant the hidden δs are
	// passed down through the updated weights, i.e. by the stepped clone.
	p := n.refForward(tr.Input)
	n.refOutputDelta(p, tr.Target, 1)
	down := n
	if n.published {
		down = c
	}
	grad := make([]float64, len(n.params))
	for l := nl - 1; l >= 0; l-- {
		n.refLayerGradient([]*passes{p}, [][]float64{tr.Input}, l, grad)
		if l > 0 {
			down.refPassDown(p, l)
		}
	}
	split, _ := n.SplitByLayer(grad)
	for l := range n.layers {
		L := &n.layers[l]
		T := &tr.Layers[l]
		T.Output, T.Shared, T.softmax = l == nl-1, L.shared, L.kind == actSoftmax
		T.InNames = inNames
		T.Names = make([]string, L.out)
		T.WNames = make([][]string, L.out)
		T.OldW, T.NewW = n.Weights(l), c.Weights(l)
		T.OldB, T.NewB = append([]float64(nil), L.b...), append([]float64(nil), c.layers[l].b...)
		for j := 0; j < L.out; j++ {
			T.Names[j] = n.neuronName(l, j)
			T.WNames[j] = make([]string, L.in)
			for i := 0; i < L.in; i++ {
				T.WNames[j][i] = n.weightName(l, j, i)
			}
		}
		for j := range L.b {
			T.BNames = append(T.BNames, n.biasName(l, j))
		}
		T.Net, T.Out = p.net[l], p.out[l]
		T.DEDOut, T.Delta = p.dEdOut[l], p.delta[l]
		T.DOutDNet = make([]float64, L.out)
		for j := range T.DOutDNet {
			T.DOutDNet[j] = derivAt(L.act, L.kind, T.Net[j], T.Out[j])
		}
		T.DEDW, T.DEDB = split[l].W, split[l].B
		inNames = T.Names
	}
	// the ledger's products behind each hidden ∂E/∂out_j = Σ_k δ_k·w_kj
	for l := 0; l < nl-1; l++ {
		T, N := &tr.Layers[l], &tr.Layers[l+1]
		T.UsedW = N.OldW
		if n.published {
			T.UsedW = N.NewW
		}
		T.Contrib = make([][]float64, len(T.UsedW))
		for k, row := range T.UsedW {
			T.Contrib[k] = make([]float64, len(row))
			for j, w := range row {
				T.Contrib[k][j] = N.Delta[k] * w
			}
		}
	}
	// error per output
	O := &tr.Layers[nl-1]
	Lo := &n.layers[nl-1]
	tr.E = make([]float64, Lo.out)
	for j := range tr.E {
		z, o, t := O.Net[j:j+1], O.Out[j:j+1], tr.Target[j:j+1]
		switch n.loss {
		case CrossEntropy:
			if t[0] != 0 {
				tr.E[j] = -t[0] * clampLog(o[0])
			}
		case MSE, BinaryCrossEntropy:
			tr.E[j] = sampleLoss(n.loss, Lo.act, Lo.kind, z, o, t) / float64(len(tr.E))
		default:
			tr.E[j] = sampleLoss(n.loss, Lo.act, Lo.kind, z, o, t)
		}
	}
	tr.ETotal = n.refLoss(p, tr.Target)
	tr.After, _ = c.Predict(input)
	tr.ETotalAfter, _ = c.SampleLoss(input, target)
	tr.index()
	tr.text = tr.render(n)
	return tr, c, nil
}

func (tr *Trace) put(section, key string, v float64) {
	k := section + "." + key
	if _, ok := tr.vals[k]; !ok {
		tr.keys = append(tr.keys, k)
	}
	tr.vals[k] = v
}

// index fills the key → value map with blog-example.json's names.
func (tr *Trace) index() {
	nl := len(tr.Layers)
	for l := range tr.Layers {
		T := &tr.Layers[l]
		for j, nm := range T.Names {
			tr.put("forward", "net_"+nm, T.Net[j])
			tr.put("forward", "out_"+nm, T.Out[j])
		}
	}
	O := &tr.Layers[nl-1]
	for j, nm := range O.Names {
		tr.put("error", "E_"+nm, tr.E[j])
	}
	tr.put("error", "E_total", tr.ETotal)
	for l := nl - 1; l >= 0; l-- {
		T := &tr.Layers[l]
		sec := "hidden_layer"
		if T.Output {
			sec = "output_layer"
		}
		for j, nm := range T.Names {
			if !T.Output {
				N := &tr.Layers[l+1]
				for k, kn := range N.Names {
					tr.put(sec, "dnet_"+kn+"_dout_"+nm, T.UsedW[k][j])
				}
				for k, kn := range N.Names {
					tr.put(sec, "dE"+kn+"_dout_"+nm, T.Contrib[k][j])
				}
			}
			tr.put(sec, "dE_dout_"+nm, T.DEDOut[j])
			tr.put(sec, "dout_"+nm+"_dnet_"+nm, T.DOutDNet[j])
			for i, wn := range T.WNames[j] {
				in := tr.Input
				if l > 0 {
					in = tr.Layers[l-1].Out
				}
				tr.put(sec, "dnet_"+nm+"_d"+wn, in[i])
			}
			tr.put(sec, "delta_"+nm, T.Delta[j])
		}
	}
	for l := range tr.Layers {
		T := &tr.Layers[l]
		for j := range T.WNames {
			for i, wn := range T.WNames[j] {
				tr.put("gradients", "dE_d"+wn, T.DEDW[j][i])
			}
		}
		for j, bn := range T.BNames {
			tr.put("gradients", "dE_d"+bn, T.DEDB[j])
		}
	}
	prevOut := tr.Input
	if nl > 1 {
		prevOut = tr.Layers[nl-2].Out
	}
	if !O.softmax {
		// δ = ∂E/∂out·∂out/∂net holds for element-wise activations only
		for j := range O.Names {
			for i, wn := range O.WNames[j] {
				tr.put("gradients", "dE_d"+wn+"_chain_product", O.DEDOut[j]*O.DOutDNet[j]*prevOut[i])
			}
		}
	}
	for l := range tr.Layers {
		T := &tr.Layers[l]
		for j := range T.WNames {
			for i, wn := range T.WNames[j] {
				tr.put("updated_weights", wn, T.NewW[j][i])
			}
		}
		for j, bn := range T.BNames {
			tr.put("updated_weights", bn, T.NewB[j])
		}
	}
	for j, v := range tr.After {
		tr.put("after_first_update", fmt.Sprintf("outputs[%d]", j), v)
	}
	tr.put("after_first_update", "E_total", tr.ETotalAfter)
}

// Keys lists every key Value accepts, as "section.key" in print order
// (sections: forward, error, output_layer, hidden_layer, gradients,
// updated_weights, after_first_update — those of blog-example.json's
// first_step).
func (tr *Trace) Keys() []string { return append([]string(nil), tr.keys...) }

// Lookup returns the value under key: "section.key" or a bare key, which
// means its first occurrence in print order ("E_total" is the error before the
// step; "after_first_update.E_total" the one after; "w5" the updated weight).
func (tr *Trace) Lookup(key string) (float64, bool) {
	if v, ok := tr.vals[key]; ok {
		return v, true
	}
	for _, k := range tr.keys {
		if strings.HasSuffix(k, "."+key) && strings.IndexByte(k, '.') == len(k)-len(key)-1 {
			return tr.vals[k], true
		}
	}
	return 0, false
}

// Value returns the value under key (see Lookup). It panics with the list of
// similar keys when there is no such key.
func (tr *Trace) Value(key string) float64 {
	v, ok := tr.Lookup(key)
	if !ok {
		var near []string
		for _, k := range tr.keys {
			short := k[strings.IndexByte(k, '.')+1:]
			if strings.Contains(short, key) || strings.Contains(key, short) {
				near = append(near, short)
			}
		}
		sort.Strings(near)
		if len(near) == 0 {
			for _, k := range tr.keys[:min(6, len(tr.keys))] {
				near = append(near, k[strings.IndexByte(k, '.')+1:])
			}
		}
		if len(near) > 12 {
			near = near[:12]
		}
		panic(fmt.Errorf("trace: no value %q; keys look like %s (tr.Keys() lists all %d)", key, strings.Join(near, ", "), len(tr.keys)))
	}
	return v
}

// String prints the ledger as aligned tables in the seed's order.
func (tr *Trace) String() string {
	if tr == nil {
		return "Trace(nil)"
	}
	return tr.text
}

func (tr *Trace) render(n *Network) string {
	var b strings.Builder
	nl := len(tr.Layers)
	mode := "exact algorithm: every gradient uses the weights from before the step"
	if tr.Published {
		mode = "published variant: hidden δs use the ALREADY-UPDATED weights of the layer above"
	}
	fmt.Fprintf(&b, "Trace of one step of %s (%s, loss %s, %s)\n", n.Shape(), tr.Optimizer, tr.Loss, mode)
	in := make([]string, len(tr.Input))
	for i, v := range tr.Input {
		in[i] = tr.Layers[0].InNames[i] + "=" + fmtNum(v)
	}
	O := &tr.Layers[nl-1]
	tg := make([]string, len(tr.Target))
	for j, v := range tr.Target {
		tg[j] = O.Names[j] + "=" + fmtNum(v)
	}
	fmt.Fprintf(&b, "input  %s    target  %s\n\n", strings.Join(in, "  "), strings.Join(tg, "  "))

	b.WriteString("1. Forward pass: net = Σ w·in + b, out = act(net)\n")
	rows := [][]string{{"neuron", "layer", "activation", "net", "out"}}
	for l := range tr.Layers {
		T := &tr.Layers[l]
		for j, nm := range T.Names {
			rows = append(rows, []string{nm, fmt.Sprintf("L%d", l+1), string(n.layers[l].act), fmtNum(T.Net[j]), fmtNum(T.Out[j])})
		}
	}
	b.WriteString(fmtTable(rows))

	fmt.Fprintf(&b, "\n2. Error (%s)\n", lossFormula(tr.Loss))
	rows = [][]string{{"output", "target", "out", "E"}}
	for j, nm := range O.Names {
		rows = append(rows, []string{nm, fmtNum(tr.Target[j]), fmtNum(O.Out[j]), fmtNum(tr.E[j])})
	}
	b.WriteString(fmtTable(rows))
	fmt.Fprintf(&b, "E_total = %s\n", fmtNum(tr.ETotal))

	sec := 3
	for l := nl - 1; l >= 0; l-- {
		T := &tr.Layers[l]
		prevOut := tr.Input
		if l > 0 {
			prevOut = tr.Layers[l-1].Out
		}
		if T.Output {
			fmt.Fprintf(&b, "\n%d. Output layer (L%d): δ = ∂E/∂out · ∂out/∂net\n", sec, l+1)
		} else {
			N := &tr.Layers[l+1]
			fmt.Fprintf(&b, "\n%d. Hidden layer (L%d): each out receives error from every neuron of L%d\n", sec, l+1, l+2)
			wlabel := "∂net/∂out = w"
			if tr.Published {
				wlabel += " (updated)"
			}
			rows = [][]string{{"neuron", "from", wlabel, "δ (from)", "share = δ·w"}}
			for j, nm := range T.Names {
				for k, kn := range N.Names {
					first := nm
					if k > 0 {
						first = ""
					}
					rows = append(rows, []string{first, kn, fmtNum(T.UsedW[k][j]), fmtNum(N.Delta[k]), fmtNum(T.Contrib[k][j])})
				}
			}
			b.WriteString(fmtTable(rows))
			b.WriteByte('\n')
		}
		sec++
		rows = [][]string{{"neuron", "∂E/∂out", "∂out/∂net", "δ = ∂E/∂net"}}
		for j, nm := range T.Names {
			rows = append(rows, []string{nm, fmtNum(T.DEDOut[j]), fmtNum(T.DOutDNet[j]), fmtNum(T.Delta[j])})
		}
		b.WriteString(fmtTable(rows))
		if T.Output && n.layers[l].kind == actSoftmax {
			b.WriteString("(softmax: δ uses the whole Jacobian, not just the diagonal ∂out/∂net shown)\n")
		}
		b.WriteByte('\n')
		rows = [][]string{{"param", "path", "∂net/∂param", "∂E/∂param = δ·∂net/∂param", "old", "new"}}
		for j, nm := range T.Names {
			for i, wn := range T.WNames[j] {
				rows = append(rows, []string{wn, T.InNames[i] + "→" + nm, fmtNum(prevOut[i]), fmtNum(T.DEDW[j][i]), fmtNum(T.OldW[j][i]), fmtNum(T.NewW[j][i])})
			}
		}
		for j, bn := range T.BNames {
			path := "→" + T.Names[j]
			note := ""
			if T.Shared {
				path = "→ all of L" + fmt.Sprint(l+1)
				note = " (frozen)"
			}
			rows = append(rows, []string{bn, path, "1", fmtNum(T.DEDB[j]), fmtNum(T.OldB[j]), fmtNum(T.NewB[j]) + note})
		}
		b.WriteString(fmtTable(rows))
		if T.Output && !T.softmax && len(T.Names) > 0 && len(T.WNames[0]) > 0 {
			wn, nm := T.WNames[0][0], T.Names[0]
			fmt.Fprintf(&b, "chain rule: ∂E/∂%s = ∂E/∂out_%s · ∂out_%s/∂net_%s · ∂net_%s/∂%s = %s · %s · %s = %s\n",
				wn, nm, nm, nm, nm, wn, fmtNum(T.DEDOut[0]), fmtNum(T.DOutDNet[0]), fmtNum(prevOut[0]),
				fmtNum(T.DEDOut[0]*T.DOutDNet[0]*prevOut[0]))
		}
	}
	fmt.Fprintf(&b, "\n%d. After the step (fresh forward pass)\n", sec)
	rows = [][]string{{"output", "out before", "out after"}}
	for j, nm := range O.Names {
		rows = append(rows, []string{nm, fmtNum(O.Out[j]), fmtNum(tr.After[j])})
	}
	b.WriteString(fmtTable(rows))
	fmt.Fprintf(&b, "E_total = %s → %s\n", fmtNum(tr.ETotal), fmtNum(tr.ETotalAfter))
	return b.String()
}

func lossFormula(l Loss) string {
	switch l {
	case SquaredError:
		return "E = Σ ½(target − out)²"
	case MSE:
		return "E = (1/k) Σ (target − out)²"
	case BinaryCrossEntropy:
		return "E = −(1/k) Σ [t·log out + (1−t)·log(1−out)]"
	case CrossEntropy:
		return "E = −Σ t·log out"
	}
	return string(l)
}

// String prints the layer's neurons with net, out and δ.
func (t TraceLayer) String() string {
	rows := [][]string{{"neuron", "net", "out", "∂E/∂out", "∂out/∂net", "δ"}}
	for j, nm := range t.Names {
		r := []string{nm, fmtNum(t.Net[j]), fmtNum(t.Out[j])}
		for _, s := range [][]float64{t.DEDOut, t.DOutDNet, t.Delta} {
			if j < len(s) {
				r = append(r, fmtNum(s[j]))
			} else {
				r = append(r, "")
			}
		}
		rows = append(rows, r)
	}
	return fmtTable(rows)
}
