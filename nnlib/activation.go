package nnlib

import (
	"fmt"
	"math"
	"sort"
	"strings"
	"sync"
)

// Activation names the function a layer applies to each neuron's net input.
// The built-in ones are the constants below; RegisterActivation adds more
// under new names (the built-ins cannot be redefined).
type Activation string

// Built-in activations.
const (
	Sigmoid   Activation = "sigmoid"    // σ(x) = 1/(1+e^−x), the seed's
	Tanh      Activation = "tanh"       // tanh(x)
	ReLU      Activation = "relu"       // max(0, x)
	LeakyReLU Activation = "leaky_relu" // x for x > 0, 0.01·x otherwise
	Linear    Activation = "linear"     // x (identity), for regression outputs
	Softmax   Activation = "softmax"    // e^x_j / Σ e^x_k over the layer (output layer only)
)

// LeakySlope is the slope of LeakyReLU for negative inputs (PyTorch's default).
const LeakySlope = 0.01

// String returns the activation's name.
func (a Activation) String() string { return string(a) }

// builtin activation kinds, resolved once per layer.
const (
	actCustom = iota
	actSigmoid
	actTanh
	actReLU
	actLeaky
	actLinear
	actSoftmax
	numActKinds
)

func actKind(a Activation) int {
	switch a {
	case Sigmoid:
		return actSigmoid
	case Tanh:
		return actTanh
	case ReLU:
		return actReLU
	case LeakyReLU:
		return actLeaky
	case Linear:
		return actLinear
	case Softmax:
		return actSoftmax
	}
	return actCustom
}

// actFuncs is a registered activation: f and its derivative df, both in terms of
// the pre-activation x.
type actFuncs struct {
	f, df func(x float64) float64
}

var (
	customMu   sync.RWMutex
	customActs = map[Activation]*actFuncs{}
)

// RegisterActivation registers an element-wise activation under a new name:
// f is the function and df its derivative, both as functions of the
// pre-activation x. The built-in names cannot be redefined — a lesson that
// plants a wrong derivative for the gradient check registers it under a name
// of its own ("sigmoid_wrong") and gives a layer that name with
// SetActivation. Registering a custom name again replaces its formulas (so a
// notebook cell can be run twice).
func RegisterActivation(name Activation, f, df func(x float64) float64) error {
	if name == "" {
		return fmt.Errorf("RegisterActivation: expected a non-empty name, got %q", name)
	}
	if f == nil || df == nil {
		return fmt.Errorf("RegisterActivation %q: expected both f and df, got nil", name)
	}
	if actKind(name) != actCustom {
		return fmt.Errorf("RegisterActivation: %q is built in and cannot be redefined; register the formulas under a new name (say %q) and use it with WithHidden, WithOutput or SetActivation", name, string(name)+"_custom")
	}
	customMu.Lock()
	customActs[name] = &actFuncs{f: f, df: df}
	customMu.Unlock()
	return nil
}

// Activations lists the known activation names: built-ins first, then custom
// ones in alphabetical order.
func Activations() []Activation {
	out := []Activation{Sigmoid, Tanh, ReLU, LeakyReLU, Linear, Softmax}
	customMu.RLock()
	var extra []string
	for k := range customActs {
		extra = append(extra, string(k))
	}
	customMu.RUnlock()
	sort.Strings(extra)
	for _, k := range extra {
		out = append(out, Activation(k))
	}
	return out
}

func lookupCustom(a Activation) *actFuncs {
	customMu.RLock()
	defer customMu.RUnlock()
	return customActs[a]
}

// checkActivation reports an unknown activation name.
func checkActivation(a Activation) error {
	if actKind(a) != actCustom || lookupCustom(a) != nil {
		return nil
	}
	names := make([]string, 0, 8)
	for _, k := range Activations() {
		names = append(names, string(k))
	}
	return fmt.Errorf("unknown activation %q: expected one of %s (or RegisterActivation first)", a, strings.Join(names, ", "))
}

// funcsFor returns the registered functions of a custom activation, or nil
// for a built-in.
func funcsFor(a Activation, kind int) *actFuncs {
	if kind == actCustom {
		return lookupCustom(a)
	}
	return nil
}

func sigmoid(x float64) float64 { return 1 / (1 + exp(-x)) }

// activate writes act(z) into out (same length; a whole layer row).
func activate(a Activation, kind int, z, out []float64) {
	if af := funcsFor(a, kind); af != nil {
		for i, x := range z {
			out[i] = af.f(x)
		}
		return
	}
	switch kind {
	case actSigmoid:
		for i, x := range z {
			out[i] = 1 / (1 + exp(-x))
		}
	case actTanh:
		for i, x := range z {
			out[i] = math.Tanh(x)
		}
	case actReLU:
		for i, x := range z {
			if x > 0 {
				out[i] = x
			} else {
				out[i] = 0
			}
		}
	case actLeaky:
		for i, x := range z {
			if x > 0 {
				out[i] = x
			} else {
				out[i] = LeakySlope * x
			}
		}
	case actLinear:
		copy(out, z)
	case actSoftmax:
		m := math.Inf(-1)
		for _, x := range z {
			if x > m {
				m = x
			}
		}
		s := 0.0
		for i, x := range z {
			e := math.Exp(x - m)
			out[i] = e
			s += e
		}
		for i := range out {
			out[i] /= s
		}
	}
}

// derivInto multiplies g element-wise by act'(z) (given z and out = act(z)),
// turning ∂E/∂out into δ = ∂E/∂net. For softmax it applies the full Jacobian:
// δ_j = out_j (g_j − Σ_k g_k out_k).
func derivInto(a Activation, kind int, z, out, g []float64) {
	if af := funcsFor(a, kind); af != nil {
		for i, x := range z {
			g[i] *= af.df(x)
		}
		return
	}
	switch kind {
	case actSigmoid:
		for i, o := range out {
			g[i] *= o * (1 - o)
		}
	case actTanh:
		for i, o := range out {
			g[i] *= 1 - float64(o*o)
		}
	case actReLU:
		for i, x := range z {
			if x <= 0 {
				g[i] = 0
			}
		}
	case actLeaky:
		for i, x := range z {
			if x <= 0 {
				g[i] *= LeakySlope
			}
		}
	case actLinear:
	case actSoftmax:
		dot := 0.0
		for i, o := range out {
			dot += float64(g[i] * o)
		}
		for i, o := range out {
			g[i] = o * (g[i] - dot)
		}
	}
}

// derivAt returns act'(z_j) for the element-wise part (for softmax the diagonal
// of the Jacobian, out_j(1−out_j)); used by Trace.
func derivAt(a Activation, kind int, z, out float64) float64 {
	if af := funcsFor(a, kind); af != nil {
		return af.df(z)
	}
	switch kind {
	case actSigmoid, actSoftmax:
		return out * (1 - out)
	case actTanh:
		return 1 - float64(out*out)
	case actReLU:
		if z > 0 {
			return 1
		}
		return 0
	case actLeaky:
		if z > 0 {
			return 1
		}
		return LeakySlope
	}
	return 1
}
