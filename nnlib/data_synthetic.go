package nnlib

import (
	"fmt"
	"math"
	"math/rand"
)

// XOR returns the four rows of exclusive or: inputs (0,0), (0,1), (1,0), (1,1),
// one target each (0, 1, 1, 0), with labels 0/1 so that Accuracy works on a
// network with a single sigmoid output.
func XOR() *Dataset {
	return &Dataset{
		Name:     "xor",
		Inputs:   [][]float64{{0, 0}, {0, 1}, {1, 0}, {1, 1}},
		Targets:  [][]float64{{0}, {1}, {1}, {0}},
		Labels:   []int{0, 1, 1, 0},
		Classes:  []string{"0", "1"},
		Features: []string{"a", "b"},
	}
}

// WorkedExampleData returns the seed's single training sample: inputs i1=0.05,
// i2=0.10 and targets o1=0.01, o2=0.99 (a regression data set of one row), the
// data that WorkedExample() is trained on.
func WorkedExampleData() *Dataset {
	return &Dataset{
		Name:     "worked-example",
		Inputs:   [][]float64{{0.05, 0.10}},
		Targets:  [][]float64{{0.01, 0.99}},
		Features: []string{"i1", "i2"},
	}
}

// TwoMoons returns n points in two interleaving half circles (the classic
// "moons" toy problem): class 0 on the upper arc centred at (0,0), class 1 on the
// lower arc centred at (1,0.5), each point moved by Gaussian noise of standard
// deviation noise. Rows are shuffled; the same seed gives the same data set.
// It panics when n < 2 or noise < 0.
func TwoMoons(n int, noise float64, seed int64) *Dataset {
	dataCheckGen("TwoMoons", n, noise)
	rng := rand.New(rand.NewSource(seed))
	return dataTwoClass("moons", n, rng, func(class int, u float64) (x, y float64) {
		t := math.Pi * u
		if class == 0 {
			return math.Cos(t) + float64(noise*rng.NormFloat64()), math.Sin(t) + float64(noise*rng.NormFloat64())
		}
		return 1 - math.Cos(t) + float64(noise*rng.NormFloat64()), 0.5 - math.Sin(t) + float64(noise*rng.NormFloat64())
	})
}

// Spirals returns n points on two interleaved spirals (one and a half turns each,
// radius 0 to 1, the second spiral the first turned by half a turn), each point
// moved by Gaussian noise of standard deviation noise. Rows are shuffled; the same
// seed gives the same data set. It panics when n < 2 or noise < 0.
func Spirals(n int, noise float64, seed int64) *Dataset {
	dataCheckGen("Spirals", n, noise)
	rng := rand.New(rand.NewSource(seed))
	return dataTwoClass("spirals", n, rng, func(class int, u float64) (x, y float64) {
		r := 0.05 + float64(0.95*u)
		a := float64(3*math.Pi*u) + float64(float64(class)*math.Pi)
		return float64(r*math.Cos(a)) + float64(noise*rng.NormFloat64()), float64(r*math.Sin(a)) + float64(noise*rng.NormFloat64())
	})
}

func dataCheckGen(fn string, n int, noise float64) {
	if n < 2 {
		panic(fmt.Sprintf("nnlib: %s: need at least 2 points (one per class), got n=%d", fn, n))
	}
	if !(noise >= 0) || math.IsInf(noise, 0) {
		panic(fmt.Sprintf("nnlib: %s: noise must be a finite number ≥ 0, got %v", fn, noise))
	}
}

// dataTwoClass builds a shuffled two-class data set of n points: n/2 of class 0
// and the rest of class 1, point k of m in a class at u = k/(m−1).
func dataTwoClass(name string, n int, rng *rand.Rand, point func(class int, u float64) (x, y float64)) *Dataset {
	inputs := make([]float64, 2*n)
	labels := make([]int, n)
	i := 0
	for class, m := range []int{n / 2, n - n/2} {
		for k := 0; k < m; k++ {
			u := 0.0
			if m > 1 {
				u = float64(k) / float64(m-1)
			}
			inputs[2*i], inputs[2*i+1] = point(class, u)
			labels[i] = class
			i++
		}
	}
	d := &Dataset{
		Name:     name,
		Inputs:   make([][]float64, n),
		Targets:  OneHot(labels, 2),
		Labels:   labels,
		Classes:  []string{"0", "1"},
		Features: []string{"x", "y"},
	}
	for i := range d.Inputs {
		d.Inputs[i] = inputs[2*i : 2*i+2 : 2*i+2]
	}
	shuffled := d.Subset(rng.Perm(n))
	return shuffled
}
