package nnlib

import (
	"fmt"
	"math"
)

// Init names how a network's weights are drawn when it is created (or when
// SetSeed / SetInit re-initialise it). Every draw comes from the network's seed.
type Init string

// Initialisers (fan_in = inputs of the layer, fan_out = its neurons).
const (
	// Uniform draws weights and biases from U(−1/√fan_in, 1/√fan_in), PyTorch's
	// nn.Linear default.
	Uniform Init = "uniform"
	// Xavier (Glorot) draws weights from U(−√(6/(fan_in+fan_out)), +…); biases 0.
	// The default: it suits sigmoid and tanh.
	Xavier Init = "xavier"
	// He (Kaiming) draws weights from N(0, 2/fan_in); biases 0. Use with ReLU.
	He Init = "he"
)

// String returns the initialiser's name.
func (i Init) String() string { return string(i) }

func checkInit(i Init) error {
	switch i {
	case Uniform, Xavier, He:
		return nil
	}
	return fmt.Errorf("unknown initialiser %q: expected uniform, xavier or he", i)
}

// splitmix is a tiny deterministic generator (SplitMix64): its whole state is one
// uint64, so a network can copy, save and restore it exactly.
type splitmix struct{ s uint64 }

func newSplitmix(seed int64, stream uint64) splitmix {
	return splitmix{s: uint64(seed) ^ (stream * 0xd1b54a32d192ed03)}
}

func (r *splitmix) next() uint64 {
	r.s += 0x9e3779b97f4a7c15
	z := r.s
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}

// float returns a uniform value in [0, 1).
func (r *splitmix) float() float64 { return float64(float64(r.next()>>11) / (1 << 53)) }

// symmetric returns a uniform number in [-1, 1): 2u − 1 for u = float(),
// exact (written u + u so that no compiler fuses it into a multiply-add).
func (r *splitmix) symmetric() float64 {
	u := r.float()
	return u + u - 1
}

// norm returns a standard normal value (Box–Muller).
func (r *splitmix) norm() float64 {
	u := r.float()
	for u == 0 {
		u = r.float()
	}
	v := r.float()
	return math.Sqrt(-2*math.Log(u)) * math.Cos(2*math.Pi*v)
}

// intn returns a value in [0, n).
func (r *splitmix) intn(n int) int { return int(r.next() % uint64(n)) }

// perm fills p with a random permutation of 0..len(p)-1 (Fisher–Yates).
func (r *splitmix) perm(p []int) {
	for i := range p {
		p[i] = i
	}
	for i := len(p) - 1; i > 0; i-- {
		j := r.intn(i + 1)
		p[i], p[j] = p[j], p[i]
	}
}
