package nnlib

// WorkedExample returns the seed's network exactly: 2 inputs, 2 hidden and 2
// output neurons, sigmoid everywhere, weights w1..w8 = 0.15, 0.20, 0.25, 0.30,
// 0.40, 0.45, 0.50, 0.55 (w1 = i1→h1, w2 = i2→h1, w3 = i1→h2, w4 = i2→h2,
// w5 = h1→o1, w6 = h2→o1, w7 = h1→o2, w8 = h2→o2), one bias per layer shared by
// its neurons and not trained (b1 = 0.35, b2 = 0.60), squared error
// E = Σ ½(t−o)², plain gradient descent with learning rate 0.5.
//
// Its sample is i1 = 0.05, i2 = 0.10 with targets 0.01, 0.99 (WorkedInput,
// WorkedTarget). Training it reproduces the seed's Python to the last digit:
// every value of the first step and every error, output and weight after
// 10,000 steps are the same float64s. Building it by hand:
//
//	net, _ := nnlib.Build([]int{2, 2, 2}, nnlib.WithSharedBias(0.35, 0.60))
//	net.SetWeight(0, 0, 0, 0.15) // w1: i1 → h1
//	… and so on for w2..w8.
func WorkedExample() *Network {
	n, err := Build([]int{2, 2, 2}, WithSharedBias(0.35, 0.60), WithLearningRate(0.5), WithLoss(SquaredError))
	if err != nil {
		panic(err)
	}
	w := []float64{0.15, 0.20, 0.25, 0.30, 0.40, 0.45, 0.50, 0.55}
	copy(n.layers[0].w, w[:4])
	copy(n.layers[1].w, w[4:])
	return n
}

// WorkedInput returns the seed's input [i1, i2] = [0.05, 0.10].
func WorkedInput() []float64 { return []float64{0.05, 0.10} }

// WorkedTarget returns the seed's target [0.01, 0.99].
func WorkedTarget() []float64 { return []float64{0.01, 0.99} }
