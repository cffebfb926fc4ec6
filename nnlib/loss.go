package nnlib

import (
	"fmt"
	"math"
)

// Loss names the error a network minimises for one sample. Over a batch, the
// loss is the mean of the per-sample losses (so a batch of one is the seed's
// online step).
type Loss string

// Built-in losses (k = number of outputs, t = target, o = output).
const (
	// SquaredError is the seed's E = Σ ½(t−o)², summed over outputs.
	SquaredError Loss = "squared_error"
	// MSE is the mean squared error (1/k) Σ (t−o)², PyTorch's MSELoss.
	MSE Loss = "mse"
	// BinaryCrossEntropy is −(1/k) Σ [t·log o + (1−t)·log(1−o)], PyTorch's
	// BCELoss; with a sigmoid output it is computed from the net input, stably,
	// and δ = (o−t)/k.
	BinaryCrossEntropy Loss = "binary_cross_entropy"
	// CrossEntropy is −Σ t·log o; with a softmax output it is computed as a
	// log-softmax of the net input (PyTorch's CrossEntropyLoss) and the output
	// δ is the familiar o − t (targets summing to 1, e.g. one-hot).
	CrossEntropy Loss = "cross_entropy"
)

// String returns the loss name.
func (l Loss) String() string { return string(l) }

// Losses lists the built-in losses.
func Losses() []Loss { return []Loss{SquaredError, MSE, BinaryCrossEntropy, CrossEntropy} }

func checkLoss(l Loss) error {
	switch l {
	case SquaredError, MSE, BinaryCrossEntropy, CrossEntropy:
		return nil
	}
	return fmt.Errorf("unknown loss %q: expected one of squared_error, mse, binary_cross_entropy, cross_entropy", l)
}

// softplus(x) = log(1+e^x), stable.
func softplus(x float64) float64 {
	if x > 0 {
		return x + math.Log1p(math.Exp(-x))
	}
	return math.Log1p(math.Exp(x))
}

// clampLog is log(x) limited below at −100, as PyTorch's BCELoss does.
func clampLog(x float64) float64 {
	if x <= 0 {
		return -100
	}
	l := math.Log(x)
	if l < -100 {
		return -100
	}
	return l
}

// sampleLoss returns E for one sample given the output layer's net input z and
// output o.
func sampleLoss(loss Loss, act Activation, kind int, z, o, t []float64) float64 {
	k := float64(len(o))
	plain := funcsFor(act, kind) == nil
	switch loss {
	case SquaredError:
		s := 0.0
		for i := range o {
			d := t[i] - o[i]
			s += float64(0.5 * d * d)
		}
		return s
	case MSE:
		s := 0.0
		for i := range o {
			d := t[i] - o[i]
			s += float64(d * d)
		}
		return s / k
	case BinaryCrossEntropy:
		s := 0.0
		if kind == actSigmoid && plain {
			for i := range o {
				// log σ(z) = −softplus(−z); log(1−σ(z)) = −softplus(z)
				s += float64(t[i]*softplus(-z[i])) + float64((1-t[i])*softplus(z[i]))
			}
		} else {
			for i := range o {
				s -= float64(t[i]*clampLog(o[i])) + float64((1-t[i])*clampLog(1-o[i]))
			}
		}
		return s / k
	case CrossEntropy:
		s := 0.0
		if kind == actSoftmax {
			m := math.Inf(-1)
			for _, x := range z {
				if x > m {
					m = x
				}
			}
			se := 0.0
			for _, x := range z {
				se += math.Exp(x - m)
			}
			lse := m + math.Log(se)
			for i := range o {
				if t[i] != 0 {
					s -= float64(t[i] * (z[i] - lse))
				}
			}
		} else {
			for i := range o {
				if t[i] != 0 {
					s -= float64(t[i] * clampLog(o[i]))
				}
			}
		}
		return s
	}
	return math.NaN()
}

// lossGrad writes ∂E/∂o into g.
func lossGrad(loss Loss, o, t, g []float64) {
	k := float64(len(o))
	switch loss {
	case SquaredError:
		for i := range o {
			g[i] = o[i] - t[i]
		}
	case MSE:
		for i := range o {
			g[i] = 2 * (o[i] - t[i]) / k
		}
	case BinaryCrossEntropy:
		const eps = 1e-12
		for i := range o {
			d := o[i] * (1 - o[i])
			if d < eps {
				d = eps
			}
			g[i] = (o[i] - t[i]) / d / k
		}
	case CrossEntropy:
		for i := range o {
			if t[i] == 0 {
				g[i] = 0
				continue
			}
			oo := o[i]
			if oo < 1e-300 {
				oo = 1e-300
			}
			g[i] = -t[i] / oo
		}
	}
}

// outputDelta writes δ = ∂E/∂z for the output layer into d, using the combined
// forms softmax+cross-entropy (o−t) and sigmoid+binary-cross-entropy ((o−t)/k)
// when the activation is the plain built-in.
func outputDelta(loss Loss, act Activation, kind int, z, o, t, d []float64) {
	plain := funcsFor(act, kind) == nil
	switch {
	case loss == CrossEntropy && kind == actSoftmax:
		st := 0.0
		for _, x := range t {
			st += x
		}
		for i := range o {
			d[i] = float64(o[i]*st) - t[i]
		}
		return
	case loss == BinaryCrossEntropy && kind == actSigmoid && plain:
		k := float64(len(o))
		for i := range o {
			d[i] = (o[i] - t[i]) / k
		}
		return
	}
	lossGrad(loss, o, t, d)
	derivInto(act, kind, z, o, d)
}
