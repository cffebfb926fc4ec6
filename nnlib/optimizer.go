package nnlib

import (
	"fmt"
	"math"
)

// OptimizerKind names an update rule.
type OptimizerKind string

// Update rules (PyTorch's torch.optim formulas).
const (
	KindSGD      OptimizerKind = "sgd"      // p ← p − lr·g
	KindMomentum OptimizerKind = "momentum" // v ← μ·v + g; p ← p − lr·v
	KindAdam     OptimizerKind = "adam"     // bias-corrected moment estimates
)

// Optimizer holds the settings of an update rule. Its running state (velocity,
// Adam moments) lives in the network and is reset by SetOptimizer.
// Build one with SGD, Momentum or Adam.
type Optimizer struct {
	Kind         OptimizerKind
	LearningRate float64
	Momentum     float64 // μ, for KindMomentum
	Beta1, Beta2 float64 // for KindAdam
	Epsilon      float64 // for KindAdam
}

// SGD is plain gradient descent, the seed's rule: p ← p − lr·∂E/∂p.
func SGD(lr float64) Optimizer { return Optimizer{Kind: KindSGD, LearningRate: lr} }

// Momentum is gradient descent with momentum μ, as torch.optim.SGD(momentum=μ):
// v ← μ·v + g; p ← p − lr·v.
func Momentum(lr, mu float64) Optimizer {
	return Optimizer{Kind: KindMomentum, LearningRate: lr, Momentum: mu}
}

// Adam is torch.optim.Adam with its defaults β1 = 0.9, β2 = 0.999, ε = 1e-8:
// m ← β1·m + (1−β1)·g; v ← β2·v + (1−β2)·g²; m̂ = m/(1−β1ᵗ); v̂ = v/(1−β2ᵗ);
// p ← p − lr·m̂/(√v̂ + ε). PyTorch's default learning rate is 0.001.
func Adam(lr float64) Optimizer {
	return Optimizer{Kind: KindAdam, LearningRate: lr, Beta1: 0.9, Beta2: 0.999, Epsilon: 1e-8}
}

// String prints the rule and its settings, e.g. "Adam(lr=0.001, β1=0.9, β2=0.999, ε=1e-08)".
func (o Optimizer) String() string {
	switch o.Kind {
	case KindSGD:
		return fmt.Sprintf("SGD(lr=%g)", o.LearningRate)
	case KindMomentum:
		return fmt.Sprintf("Momentum(lr=%g, μ=%g)", o.LearningRate, o.Momentum)
	case KindAdam:
		return fmt.Sprintf("Adam(lr=%g, β1=%g, β2=%g, ε=%g)", o.LearningRate, o.Beta1, o.Beta2, o.Epsilon)
	}
	return fmt.Sprintf("Optimizer(%q, lr=%g)", string(o.Kind), o.LearningRate)
}

// Validate reports settings that cannot train.
func (o Optimizer) Validate() error {
	bad := func(what string, v float64, want string) error {
		return fmt.Errorf("optimizer %s: %s must be %s, got %g", o.Kind, what, want, v)
	}
	if math.IsNaN(o.LearningRate) || math.IsInf(o.LearningRate, 0) || o.LearningRate < 0 {
		return bad("learning rate", o.LearningRate, "a finite number ≥ 0")
	}
	switch o.Kind {
	case KindSGD:
	case KindMomentum:
		if !(o.Momentum >= 0 && o.Momentum < 1) {
			return bad("momentum", o.Momentum, "in [0, 1)")
		}
	case KindAdam:
		if !(o.Beta1 >= 0 && o.Beta1 < 1) {
			return bad("β1", o.Beta1, "in [0, 1)")
		}
		if !(o.Beta2 >= 0 && o.Beta2 < 1) {
			return bad("β2", o.Beta2, "in [0, 1)")
		}
		if !(o.Epsilon > 0) {
			return bad("ε", o.Epsilon, "> 0")
		}
	default:
		return fmt.Errorf("unknown optimizer kind %q: expected sgd, momentum or adam", o.Kind)
	}
	return nil
}

// optState is the running state of an optimizer over the flat parameters.
type optState struct {
	vel  []float64 // momentum buffer
	m, v []float64 // Adam moments
	t    int       // Adam step count
}

func (s *optState) clone() optState {
	c := optState{t: s.t}
	if s.vel != nil {
		c.vel = append([]float64(nil), s.vel...)
	}
	if s.m != nil {
		c.m = append([]float64(nil), s.m...)
		c.v = append([]float64(nil), s.v...)
	}
	return c
}

// alloc makes the state the rule keeps for n parameters (zero), unless it
// exists.
func (s *optState) alloc(o *Optimizer, n int) {
	switch o.Kind {
	case KindMomentum:
		if len(s.vel) != n {
			s.vel = make([]float64, n)
		}
	case KindAdam:
		if len(s.m) != n {
			s.m = make([]float64, n)
			s.v = make([]float64, n)
		}
	}
}

// begin prepares the state for one step over n parameters.
func (s *optState) begin(o *Optimizer, n int) {
	s.alloc(o, n)
	if o.Kind == KindAdam {
		s.t++
	}
}

// update applies one step to params[lo:hi] with gradient g[lo:hi], skipping
// frozen parameters. Large ranges are split over the cores.
func (s *optState) update(o *Optimizer, params, g []float64, frozen []bool, lo, hi int) {
	if hi-lo >= 1<<15 {
		parallel(hi-lo, 1<<14, func(a, b int) { s.updateRange(o, params, g, frozen, lo+a, lo+b) })
		return
	}
	s.updateRange(o, params, g, frozen, lo, hi)
}

func (s *optState) updateRange(o *Optimizer, params, g []float64, frozen []bool, lo, hi int) {
	lr := o.LearningRate
	switch o.Kind {
	case KindSGD:
		if frozen == nil {
			p, gg := params[lo:hi], g[lo:hi]
			for i := range p {
				p[i] -= float64(lr * gg[i])
			}
			return
		}
		for i := lo; i < hi; i++ {
			if !frozen[i] {
				params[i] -= float64(lr * g[i])
			}
		}
	case KindMomentum:
		mu := o.Momentum
		for i := lo; i < hi; i++ {
			if frozen != nil && frozen[i] {
				continue
			}
			s.vel[i] = float64(mu*s.vel[i]) + g[i]
			params[i] -= float64(lr * s.vel[i])
		}
	case KindAdam:
		// torch.optim.Adam: denom = √v/√(1−β2ᵗ) + ε; p −= lr/(1−β1ᵗ) · m/denom
		b1, b2 := o.Beta1, o.Beta2
		step := lr / (1 - math.Pow(b1, float64(s.t)))
		sc2 := math.Sqrt(1 - math.Pow(b2, float64(s.t)))
		eps := o.Epsilon
		p, gg, m, v := params[lo:hi], g[lo:hi], s.m[lo:hi], s.v[lo:hi]
		for i := range p {
			if frozen != nil && frozen[lo+i] {
				continue
			}
			gi := gg[i]
			m[i] = float64(b1*m[i]) + float64((1-b1)*gi)
			v[i] = float64(b2*v[i]) + float64((1-b2)*gi*gi)
			p[i] -= step * m[i] / (math.Sqrt(v[i])/sc2 + eps)
		}
	}
}

// String returns the kind's name.
func (k OptimizerKind) String() string { return string(k) }
