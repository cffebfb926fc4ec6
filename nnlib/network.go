package nnlib

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// Network is a stack of dense (fully connected) layers.
//
// Layer indices in the API count weight layers from 0 (0 = the first hidden
// layer, NumLayers()-1 = the output layer); printed names count from 1 (L1, L2,
// …, like the seed's b1 and b2). Weight(l, to, from) is the weight from neuron
// `from` of the previous layer (or input `from`) to neuron `to` of layer l.
//
// All parameters live in one flat vector (Param, SetParam, Gradient), layer by
// layer: the weights row by row (one row per neuron), then the biases.
type Network struct {
	sizes     []int
	layers    []layer
	params    []float64
	frozen    []bool // nil when nothing is frozen
	loss      Loss
	opt       Optimizer
	init      Init
	seed      int64
	published bool
	shuffle   splitmix // drives Fit's shuffling; part of the state
	state     optState
	steps     int // number of updates taken

	ws *workspace // scratch buffers, never shared between networks
	// t0 is set only inside a Fit epoch of a wide first layer: the steps then
	// train a private transposed copy of layer 0's weights and optimizer
	// state, t0s (engine_t0.go), which Fit writes back at the end of the
	// epoch. The parameters above never change layout.
	t0  bool
	t0s t0State
}

// layer is one dense layer; w and b are views into Network.params.
type layer struct {
	in, out    int
	act        Activation
	kind       int
	shared     bool // one frozen bias shared by every neuron (the seed's)
	woff, boff int
	w, b       []float64
}

// Option configures Build.
type Option func(*config) error

type config struct {
	hidden, output       Activation
	outputSet            bool
	layerActs            map[int]Activation
	loss                 Loss
	lossSet              bool
	opt                  Optimizer
	lrSet                bool
	lr                   float64
	init                 Init
	seed                 int64
	shared               []float64
	published            bool
	optSet, sharedBiases bool
}

// WithActivation uses a for every layer (hidden and output).
func WithActivation(a Activation) Option {
	return func(c *config) error {
		if err := checkActivation(a); err != nil {
			return err
		}
		c.hidden, c.output, c.outputSet = a, a, true
		return nil
	}
}

// WithHidden uses a for every hidden layer.
func WithHidden(a Activation) Option {
	return func(c *config) error {
		if err := checkActivation(a); err != nil {
			return err
		}
		c.hidden = a
		return nil
	}
}

// WithOutput uses a for the output layer.
func WithOutput(a Activation) Option {
	return func(c *config) error {
		if err := checkActivation(a); err != nil {
			return err
		}
		c.output, c.outputSet = a, true
		return nil
	}
}

// WithLayerActivation uses a for layer l (0-based) only.
func WithLayerActivation(l int, a Activation) Option {
	return func(c *config) error {
		if err := checkActivation(a); err != nil {
			return err
		}
		if c.layerActs == nil {
			c.layerActs = map[int]Activation{}
		}
		c.layerActs[l] = a
		return nil
	}
}

// WithLoss sets the loss. CrossEntropy makes the output softmax unless
// WithOutput chose otherwise.
func WithLoss(l Loss) Option {
	return func(c *config) error {
		if err := checkLoss(l); err != nil {
			return err
		}
		c.loss, c.lossSet = l, true
		return nil
	}
}

// WithOptimizer sets the update rule (SGD, Momentum, Adam).
func WithOptimizer(o Optimizer) Option {
	return func(c *config) error {
		if err := o.Validate(); err != nil {
			return err
		}
		c.opt, c.optSet = o, true
		return nil
	}
}

// WithLearningRate sets the optimizer's learning rate.
func WithLearningRate(lr float64) Option {
	return func(c *config) error {
		if math.IsNaN(lr) || math.IsInf(lr, 0) || lr < 0 {
			return fmt.Errorf("learning rate: expected a finite number ≥ 0, got %g", lr)
		}
		c.lr, c.lrSet = lr, true
		return nil
	}
}

// WithInit sets the weight initialiser (Uniform, Xavier, He).
func WithInit(i Init) Option {
	return func(c *config) error {
		if err := checkInit(i); err != nil {
			return err
		}
		c.init = i
		return nil
	}
}

// WithSeed sets the seed every random draw (weights, shuffling) comes from.
func WithSeed(seed int64) Option {
	return func(c *config) error { c.seed = seed; return nil }
}

// WithSharedBias gives each layer one bias shared by all its neurons and not
// trained — the seed's layout. Pass one value per weight layer (b1, b2, …).
func WithSharedBias(values ...float64) Option {
	return func(c *config) error {
		c.shared = append([]float64(nil), values...)
		c.sharedBiases = true
		return nil
	}
}

// WithPublishedVariant switches on the published variant of backpropagation
// (see SetPublishedVariant).
func WithPublishedVariant() Option {
	return func(c *config) error { c.published = true; return nil }
}

// Defaults of New and Build.
const (
	DefaultLearningRate = 0.5 // the seed's
	DefaultSeed         = 1
)

// New returns a network with the given layer sizes (inputs, hidden…, outputs)
// and the defaults: sigmoid everywhere, squared error, SGD with learning rate
// 0.5, trainable per-neuron biases, Xavier initialisation from seed 1.
// It panics on sizes that cannot make a network (use Build for an error).
//
//	net := nnlib.New(2, 3, 1)
func New(sizes ...int) *Network {
	n, err := Build(sizes)
	if err != nil {
		panic(err)
	}
	return n
}

// Build returns a network with the given sizes and options, for example
//
//	net, err := nnlib.Build([]int{784, 128, 10}, nnlib.WithHidden(nnlib.ReLU),
//		nnlib.WithLoss(nnlib.CrossEntropy), nnlib.WithOptimizer(nnlib.Adam(0.001)),
//		nnlib.WithInit(nnlib.He), nnlib.WithSeed(42))
func Build(sizes []int, opts ...Option) (*Network, error) {
	if err := checkSizes(sizes); err != nil {
		return nil, err
	}
	c := config{hidden: Sigmoid, output: Sigmoid, loss: SquaredError, opt: SGD(DefaultLearningRate), init: Xavier, seed: DefaultSeed}
	for i, o := range opts {
		if o == nil {
			return nil, fmt.Errorf("option %d: expected an Option, got nil", i+1)
		}
		if err := o(&c); err != nil {
			return nil, err
		}
	}
	nl := len(sizes) - 1
	if !c.outputSet && c.lossSet && c.loss == CrossEntropy {
		c.output = Softmax
	}
	if c.lrSet {
		c.opt.LearningRate = c.lr
	}
	if c.sharedBiases && len(c.shared) != nl {
		return nil, fmt.Errorf("WithSharedBias: expected %d values (one per layer), got %d", nl, len(c.shared))
	}
	acts := make([]Activation, nl)
	for l := range acts {
		acts[l] = c.hidden
		if l == nl-1 {
			acts[l] = c.output
		}
	}
	for l, a := range c.layerActs {
		if l < 0 || l >= nl {
			return nil, fmt.Errorf("WithLayerActivation: layer %d out of range: the network has layers 0..%d", l, nl-1)
		}
		acts[l] = a
	}
	for l, a := range acts {
		if a == Softmax && l != nl-1 {
			return nil, fmt.Errorf("layer %d: softmax is only allowed on the output layer (layer %d)", l, nl-1)
		}
	}
	n := assemble(sizes, acts, c.shared)
	n.loss, n.opt, n.init, n.seed, n.published = c.loss, c.opt, c.init, c.seed, c.published
	n.initWeights()
	return n, nil
}

func checkSizes(sizes []int) error {
	if len(sizes) < 2 {
		return fmt.Errorf("network sizes: expected at least 2 sizes (inputs, outputs), got %d %v", len(sizes), sizes)
	}
	for i, s := range sizes {
		if s < 1 {
			return fmt.Errorf("network sizes: size %d must be ≥ 1, got %d in %v", i, s, sizes)
		}
		if s > 1<<20 {
			return fmt.Errorf("network sizes: size %d must be ≤ %d, got %d", i, 1<<20, s)
		}
	}
	total := 0
	for i := 1; i < len(sizes); i++ {
		total += sizes[i] * (sizes[i-1] + 1)
		if total > 1<<28 {
			return fmt.Errorf("network sizes %v: expected at most %d parameters, got more", sizes, 1<<28)
		}
	}
	return nil
}

// assemble lays out the parameter vector; shared (when non-nil) gives the
// shared frozen bias value of every layer.
func assemble(sizes []int, acts []Activation, shared []float64) *Network {
	n := &Network{sizes: append([]int(nil), sizes...)}
	nl := len(sizes) - 1
	n.layers = make([]layer, nl)
	off := 0
	for l := 0; l < nl; l++ {
		L := &n.layers[l]
		L.in, L.out = sizes[l], sizes[l+1]
		L.act, L.kind = acts[l], actKind(acts[l])
		L.shared = shared != nil
		L.woff = off
		off += L.in * L.out
		L.boff = off
		if L.shared {
			off++
		} else {
			off += L.out
		}
	}
	n.params = make([]float64, off)
	n.relink()
	for l := range n.layers {
		if shared != nil {
			n.layers[l].b[0] = shared[l]
		}
	}
	return n
}

// relink points every layer's w and b at n.params and rebuilds the frozen mask.
func (n *Network) relink() {
	n.frozen = nil
	for l := range n.layers {
		L := &n.layers[l]
		L.w = n.params[L.woff : L.woff+L.in*L.out]
		nb := L.out
		if L.shared {
			nb = 1
			if n.frozen == nil {
				n.frozen = make([]bool, len(n.params))
			}
			n.frozen[L.boff] = true
		}
		L.b = n.params[L.boff : L.boff+nb]
	}
}

// initWeights draws all trainable parameters from the seed and resets the
// optimizer state, the shuffle generator and the step count.
func (n *Network) initWeights() {
	r := newSplitmix(n.seed, 1)
	for l := range n.layers {
		L := &n.layers[l]
		fanIn, fanOut := float64(L.in), float64(L.out)
		switch n.init {
		case Uniform:
			a := 1 / math.Sqrt(fanIn)
			for i := range L.w {
				L.w[i] = r.symmetric() * a
			}
			if !L.shared {
				for i := range L.b {
					L.b[i] = r.symmetric() * a
				}
			}
		case He:
			s := math.Sqrt(2 / fanIn)
			for i := range L.w {
				L.w[i] = r.norm() * s
			}
			if !L.shared {
				clear(L.b)
			}
		default: // Xavier
			a := math.Sqrt(6 / (fanIn + fanOut))
			for i := range L.w {
				L.w[i] = r.symmetric() * a
			}
			if !L.shared {
				clear(L.b)
			}
		}
	}
	n.shuffle = newSplitmix(n.seed, 2)
	n.state = optState{}
	n.steps = 0
}

// Sizes returns the layer sizes [inputs, hidden..., outputs].
func (n *Network) Sizes() []int { return append([]int(nil), n.sizes...) }

// NumLayers returns the number of weight layers (len(Sizes())-1).
func (n *Network) NumLayers() int { return len(n.layers) }

// NumInputs returns the number of inputs.
func (n *Network) NumInputs() int { return n.sizes[0] }

// NumOutputs returns the number of outputs.
func (n *Network) NumOutputs() int { return n.sizes[len(n.sizes)-1] }

func (n *Network) layerAt(l int) (*layer, error) {
	if l < 0 || l >= len(n.layers) {
		return nil, fmt.Errorf("layer %d out of range: the network has layers 0..%d", l, len(n.layers)-1)
	}
	return &n.layers[l], nil
}

func (n *Network) mustLayer(l int) *layer {
	L, err := n.layerAt(l)
	if err != nil {
		panic(err)
	}
	return L
}

func (L *layer) weightIndex(l, to, from int) (int, error) {
	if to < 0 || to >= L.out || from < 0 || from >= L.in {
		return 0, fmt.Errorf("layer %d: weight [%d,%d] out of range: weights are %d×%d (neurons × inputs)", l, to, from, L.out, L.in)
	}
	return to*L.in + from, nil
}

// Weight returns the weight from input/neuron `from` of the previous layer to
// neuron `to` of layer l (all 0-based). It panics when out of range.
func (n *Network) Weight(l, to, from int) float64 {
	L := n.mustLayer(l)
	i, err := L.weightIndex(l, to, from)
	if err != nil {
		panic(err)
	}
	return L.w[i]
}

// SetWeight sets the weight from `from` to neuron `to` of layer l.
func (n *Network) SetWeight(l, to, from int, v float64) error {
	L, err := n.layerAt(l)
	if err != nil {
		return err
	}
	i, err := L.weightIndex(l, to, from)
	if err != nil {
		return err
	}
	L.w[i] = v
	return nil
}

// Bias returns the bias of neuron `neuron` of layer l (the shared value when
// the layer has one shared bias). It panics when out of range.
func (n *Network) Bias(l, neuron int) float64 {
	L := n.mustLayer(l)
	if neuron < 0 || neuron >= L.out {
		panic(fmt.Errorf("layer %d: neuron %d out of range: the layer has neurons 0..%d", l, neuron, L.out-1))
	}
	if L.shared {
		return L.b[0]
	}
	return L.b[neuron]
}

// SetBias sets the bias of neuron `neuron` of layer l; on a layer with a shared
// bias it sets the shared value.
func (n *Network) SetBias(l, neuron int, v float64) error {
	L, err := n.layerAt(l)
	if err != nil {
		return err
	}
	if neuron < 0 || neuron >= L.out {
		return fmt.Errorf("layer %d: neuron %d out of range: the layer has neurons 0..%d", l, neuron, L.out-1)
	}
	if L.shared {
		L.b[0] = v
	} else {
		L.b[neuron] = v
	}
	return nil
}

// Weights returns a copy of layer l's weights, one row per neuron.
func (n *Network) Weights(l int) [][]float64 {
	L := n.mustLayer(l)
	out := make([][]float64, L.out)
	for j := range out {
		out[j] = append([]float64(nil), L.w[j*L.in:(j+1)*L.in]...)
	}
	return out
}

// Biases returns a copy of layer l's biases, one per neuron.
func (n *Network) Biases(l int) []float64 {
	L := n.mustLayer(l)
	out := make([]float64, L.out)
	for j := range out {
		out[j] = n.Bias(l, j)
	}
	return out
}

// SharedBias reports whether layer l has one frozen bias shared by its neurons.
func (n *Network) SharedBias(l int) bool { return n.mustLayer(l).shared }

// SetSharedBias gives every layer one frozen bias shared by its neurons (the
// seed's layout), one value per layer; the weights are kept.
func (n *Network) SetSharedBias(values ...float64) error {
	if len(values) != len(n.layers) {
		return fmt.Errorf("SetSharedBias: expected %d values (one per layer), got %d", len(n.layers), len(values))
	}
	m := n.restructure(true)
	for l := range m.layers {
		m.layers[l].b[0] = values[l]
	}
	n.adopt(m)
	return nil
}

// SetTrainableBiases gives every neuron its own trainable bias (the default);
// a shared bias value is copied to each neuron.
func (n *Network) SetTrainableBiases() {
	n.adopt(n.restructure(false))
}

// restructure copies n with shared or per-neuron biases.
func (n *Network) restructure(shared bool) *Network {
	acts := make([]Activation, len(n.layers))
	var sh []float64
	if shared {
		sh = make([]float64, len(n.layers))
	}
	for l := range n.layers {
		acts[l] = n.layers[l].act
	}
	m := assemble(n.sizes, acts, sh)
	m.loss, m.opt, m.init, m.seed, m.published, m.shuffle, m.steps = n.loss, n.opt, n.init, n.seed, n.published, n.shuffle, n.steps
	for l := range n.layers {
		copy(m.layers[l].w, n.layers[l].w)
		if !shared {
			for j := range m.layers[l].b {
				m.layers[l].b[j] = n.Bias(l, j)
			}
		}
	}
	return m
}

// adopt replaces n's contents with m's (keeping the pointer the user holds).
func (n *Network) adopt(m *Network) {
	*n = *m
	n.ws = nil
	n.relink()
}

// LayerActivation returns layer l's activation.
func (n *Network) LayerActivation(l int) Activation { return n.mustLayer(l).act }

// SetActivation sets layer l's activation.
func (n *Network) SetActivation(l int, a Activation) error {
	if _, err := n.layerAt(l); err != nil {
		return err
	}
	if err := checkActivation(a); err != nil {
		return fmt.Errorf("layer %d: %w", l, err)
	}
	if a == Softmax && l != len(n.layers)-1 {
		return fmt.Errorf("layer %d: softmax is only allowed on the output layer (layer %d)", l, len(n.layers)-1)
	}
	n.layers[l].act, n.layers[l].kind = a, actKind(a)
	return nil
}

// Loss returns the network's loss.
func (n *Network) Loss() Loss { return n.loss }

// SetLoss sets the loss.
func (n *Network) SetLoss(l Loss) error {
	if err := checkLoss(l); err != nil {
		return err
	}
	n.loss = l
	return nil
}

// Optimizer returns the optimizer settings.
func (n *Network) Optimizer() Optimizer { return n.opt }

// SetOptimizer sets the update rule and resets its running state.
func (n *Network) SetOptimizer(o Optimizer) error {
	if err := o.Validate(); err != nil {
		return err
	}
	n.opt = o
	n.state = optState{}
	return nil
}

// LearningRate returns the optimizer's learning rate.
func (n *Network) LearningRate() float64 { return n.opt.LearningRate }

// SetLearningRate sets the optimizer's learning rate (its state is kept).
func (n *Network) SetLearningRate(lr float64) error {
	o := n.opt
	o.LearningRate = lr
	if err := o.Validate(); err != nil {
		return err
	}
	n.opt = o
	return nil
}

// Seed returns the seed the weights and shuffling were drawn from.
func (n *Network) Seed() int64 { return n.seed }

// SetSeed re-initialises the network from seed: new weights (shared biases keep
// their values), a fresh shuffle order and optimizer state.
func (n *Network) SetSeed(seed int64) {
	n.seed = seed
	n.initWeights()
}

// Initializer returns the weight initialiser.
func (n *Network) Initializer() Init { return n.init }

// SetInit re-initialises the weights with initialiser i from the network's seed.
func (n *Network) SetInit(i Init) error {
	if err := checkInit(i); err != nil {
		return err
	}
	n.init = i
	n.initWeights()
	return nil
}

// PublishedVariant reports whether the published variant is on.
func (n *Network) PublishedVariant() bool { return n.published }

// SetPublishedVariant switches the published variant of backpropagation on or
// off.
//
// The exact algorithm (the default, and what the seed's code and its text
// describe) computes every gradient from the weights as they were before the
// step, then updates them all. The figures printed in the blog posts after
// training (E_total 0.291027924 after one update; 0.000035085 and outputs
// 0.015912196, 0.984065734 after 10,000) do not come from that algorithm: the
// exact one gives 0.29102777369 and 3.5101878e-05. They are reproduced to every
// printed digit by this variant, in which each layer is updated as soon as its
// gradient is known, so the hidden layer's δ is computed through the
// ALREADY-UPDATED output weights w5..w8 (0.29102792391 after one update). It is
// a common slip when the backward pass updates weights in place while walking
// down the layers; the difference is small because one step changes w5..w8
// only a little.
func (n *Network) SetPublishedVariant(on bool) { n.published = on }

// Steps returns the number of updates taken since creation or SetSeed.
func (n *Network) Steps() int { return n.steps }

// Clone returns a deep copy: same weights, settings, optimizer state and
// shuffle position; training one does not affect the other.
func (n *Network) Clone() *Network {
	m := *n
	m.sizes = append([]int(nil), n.sizes...)
	m.layers = append([]layer(nil), n.layers...)
	m.params = append([]float64(nil), n.params...)
	m.state = n.state.clone()
	m.ws, m.t0, m.t0s = nil, false, t0State{}
	m.relink()
	return &m
}

// NumParams returns the number of parameters (weights, then biases, layer by
// layer; a shared bias counts once).
func (n *Network) NumParams() int { return len(n.params) }

// Param returns parameter i of the flat vector.
func (n *Network) Param(i int) float64 {
	if i < 0 || i >= len(n.params) {
		panic(fmt.Errorf("parameter %d out of range: the network has parameters 0..%d", i, len(n.params)-1))
	}
	return n.params[i]
}

// SetParam sets parameter i of the flat vector.
func (n *Network) SetParam(i int, v float64) {
	if i < 0 || i >= len(n.params) {
		panic(fmt.Errorf("parameter %d out of range: the network has parameters 0..%d", i, len(n.params)-1))
	}
	n.params[i] = v
}

// Params returns a copy of the flat parameter vector.
func (n *Network) Params() []float64 { return append([]float64(nil), n.params...) }

// ParamTrainable reports whether parameter i is updated by training (shared
// biases are not).
func (n *Network) ParamTrainable(i int) bool {
	n.Param(i)
	return n.frozen == nil || !n.frozen[i]
}

// seedNames reports whether the network has the seed's shape (2-2-2, shared
// biases), in which case its parts are named i1, h1, o1, w1..w8, b1, b2.
func (n *Network) seedNames() bool {
	return len(n.sizes) == 3 && n.sizes[0] == 2 && n.sizes[1] == 2 && n.sizes[2] == 2 &&
		n.layers[0].shared && n.layers[1].shared
}

// ParamName names parameter i: "w5" or "b1" in the worked example, otherwise
// "L1.W[0,1]" (layer 1 counting from 1, neuron 0, input 1), "L1.b[0]" or "L1.b"
// for a shared bias.
func (n *Network) ParamName(i int) string {
	n.Param(i)
	for l := range n.layers {
		L := &n.layers[l]
		if i >= L.woff && i < L.woff+len(L.w) {
			k := i - L.woff
			return n.weightName(l, k/L.in, k%L.in)
		}
		if i >= L.boff && i < L.boff+len(L.b) {
			return n.biasName(l, i-L.boff)
		}
	}
	return "?"
}

func (n *Network) weightName(l, to, from int) string {
	if n.seedNames() {
		return "w" + strconv.Itoa(l*4+to*2+from+1)
	}
	return fmt.Sprintf("L%d.W[%d,%d]", l+1, to, from)
}

func (n *Network) biasName(l, j int) string {
	if n.layers[l].shared {
		if n.seedNames() {
			return "b" + strconv.Itoa(l+1)
		}
		return fmt.Sprintf("L%d.b", l+1)
	}
	return fmt.Sprintf("L%d.b[%d]", l+1, j)
}

// neuronName names neuron j of layer l (l = -1 for the inputs).
func (n *Network) neuronName(l, j int) string {
	if n.seedNames() {
		return [...]string{"i", "h", "o"}[l+1] + strconv.Itoa(j+1)
	}
	if l < 0 {
		return fmt.Sprintf("x[%d]", j)
	}
	return fmt.Sprintf("L%d[%d]", l+1, j)
}

// Shape returns the sizes joined by "-", e.g. "2-3-1".
func (n *Network) Shape() string {
	s := make([]string, len(n.sizes))
	for i, v := range n.sizes {
		s[i] = strconv.Itoa(v)
	}
	return strings.Join(s, "-")
}

// Summary returns the one-line description that heads String().
func (n *Network) Summary() string {
	acts := make([]string, len(n.layers))
	for l := range n.layers {
		acts[l] = string(n.layers[l].act)
	}
	bias := "trainable biases"
	if len(n.layers) > 0 && n.layers[0].shared {
		bias = "shared frozen biases"
	}
	s := fmt.Sprintf("Network %s (%s; loss %s; %s; %s; seed %d; %d parameters",
		n.Shape(), strings.Join(acts, "/"), n.loss, n.opt, bias, n.seed, len(n.params))
	if n.published {
		s += "; published variant"
	}
	return s + ")"
}

// String prints the network as a table (the seed's inspect): one row per
// neuron with its activation, bias and incoming weights; layers too wide to
// list are summarised by their weight range. Layer index l is printed L{l+1}.
func (n *Network) String() string {
	if n == nil {
		return "Network(nil)"
	}
	var b strings.Builder
	b.WriteString(n.Summary())
	b.WriteByte('\n')
	rows := [][]string{{"layer", "neuron", "activation", "bias", "weights"}}
	for l := range n.layers {
		L := &n.layers[l]
		role := "hidden"
		if l == len(n.layers)-1 {
			role = "output"
		}
		lname := fmt.Sprintf("L%d %s", l+1, role)
		if L.in > 8 || L.out > 16 {
			mn, mx, sum := math.Inf(1), math.Inf(-1), 0.0
			for _, w := range L.w {
				mn, mx, sum = math.Min(mn, w), math.Max(mx, w), sum+w
			}
			rows = append(rows, []string{lname, fmt.Sprintf("%d neurons", L.out), string(L.act),
				n.biasSummary(l), fmt.Sprintf("%d×%d, min %.4g, mean %.4g, max %.4g", L.out, L.in, mn, sum/float64(len(L.w)), mx)})
			continue
		}
		for j := 0; j < L.out; j++ {
			ws := make([]string, L.in)
			for i := 0; i < L.in; i++ {
				ws[i] = fmt.Sprintf("%s=%s", n.weightName(l, j, i), fmtNum(L.w[j*L.in+i]))
			}
			bs := fmtNum(n.Bias(l, j))
			if L.shared {
				bs = n.biasName(l, j) + "=" + bs + " (shared, frozen)"
			}
			first := lname
			if j > 0 {
				first = ""
			}
			rows = append(rows, append([]string{first, n.neuronName(l, j), string(L.act), bs}, ws...))
		}
	}
	b.WriteString(fmtTable(rows))
	return b.String()
}

func (n *Network) biasSummary(l int) string {
	L := &n.layers[l]
	if L.shared {
		return fmtNum(L.b[0]) + " (shared, frozen)"
	}
	mn, mx := math.Inf(1), math.Inf(-1)
	for _, v := range L.b {
		mn, mx = math.Min(mn, v), math.Max(mx, v)
	}
	return fmt.Sprintf("%.4g..%.4g", mn, mx)
}

// fmtNum prints a number with 10 significant digits.
func fmtNum(v float64) string { return strconv.FormatFloat(v, 'g', 10, 64) }

// fmtTable aligns rows of cells into columns separated by two spaces; the first
// row is the header and is underlined.
func fmtTable(rows [][]string) string {
	if len(rows) == 0 {
		return ""
	}
	ncol := 0
	for _, r := range rows {
		ncol = max(ncol, len(r))
	}
	w := make([]int, ncol)
	for _, r := range rows {
		for i, c := range r {
			w[i] = max(w[i], len([]rune(c)))
		}
	}
	var b strings.Builder
	line := func(r []string) {
		var s strings.Builder
		for i, c := range r {
			s.WriteString(c)
			if i < len(r)-1 {
				s.WriteString(strings.Repeat(" ", w[i]-len([]rune(c))+2))
			}
		}
		b.WriteString(strings.TrimRight(s.String(), " "))
		b.WriteByte('\n')
	}
	line(rows[0])
	sep := make([]string, ncol)
	for i := range sep {
		sep[i] = strings.Repeat("-", w[i])
	}
	line(sep)
	for _, r := range rows[1:] {
		line(r)
	}
	return b.String()
}

// String describes an option (options are functions; this only names the type).
func (o Option) String() string {
	if o == nil {
		return "nnlib.Option(nil)"
	}
	return "nnlib.Option"
}
