// The seed's backpropagation (seed_backprop.py's NeuralNetwork, NeuronLayer
// and Neuron) written by hand in Go as a learner would: structs, methods,
// slices. Used as a cell, interpreted and compiled, by the tests, the
// benchmarks and notebooks/08-compiled-cells.ipynb.

const learningRate = 0.5

type Neuron struct {
	Bias    float64
	Weights []float64
	Inputs  []float64
	Output  float64
}

func (n *Neuron) CalculateOutput(inputs []float64) float64 {
	n.Inputs = inputs
	total := 0.0
	for i := range inputs {
		total += inputs[i] * n.Weights[i]
	}
	n.Output = 1 / (1 + math.Exp(-(total + n.Bias)))
	return n.Output
}

// Delta is ∂E/∂net for an output neuron.
func (n *Neuron) Delta(target float64) float64 {
	return -(target - n.Output) * n.Output * (1 - n.Output)
}

func (n *Neuron) Error(target float64) float64 {
	return 0.5 * (target - n.Output) * (target - n.Output)
}

type NeuronLayer struct {
	Neurons []*Neuron
}

func NewLayer(count int, bias float64, weights []float64) *NeuronLayer {
	l := &NeuronLayer{}
	per := len(weights) / count
	for i := 0; i < count; i++ {
		l.Neurons = append(l.Neurons, &Neuron{Bias: bias, Weights: append([]float64(nil), weights[i*per:(i+1)*per]...)})
	}
	return l
}

func (l *NeuronLayer) FeedForward(inputs []float64) []float64 {
	out := make([]float64, 0, len(l.Neurons))
	for _, n := range l.Neurons {
		out = append(out, n.CalculateOutput(inputs))
	}
	return out
}

type NeuralNetwork struct {
	Hidden, Output *NeuronLayer
}

func BlogNetwork() *NeuralNetwork {
	return &NeuralNetwork{
		Hidden: NewLayer(2, 0.35, []float64{0.15, 0.2, 0.25, 0.3}),
		Output: NewLayer(2, 0.6, []float64{0.4, 0.45, 0.5, 0.55}),
	}
}

func (nn *NeuralNetwork) FeedForward(inputs []float64) []float64 {
	return nn.Output.FeedForward(nn.Hidden.FeedForward(inputs))
}

func (nn *NeuralNetwork) Train(inputs, targets []float64) {
	nn.FeedForward(inputs)
	outDelta := make([]float64, len(nn.Output.Neurons))
	for o, n := range nn.Output.Neurons {
		outDelta[o] = n.Delta(targets[o])
	}
	hidDelta := make([]float64, len(nn.Hidden.Neurons))
	for h, n := range nn.Hidden.Neurons {
		d := 0.0
		for o, on := range nn.Output.Neurons {
			d += outDelta[o] * on.Weights[h]
		}
		hidDelta[h] = d * n.Output * (1 - n.Output)
	}
	for o, n := range nn.Output.Neurons {
		for w := range n.Weights {
			n.Weights[w] -= learningRate * outDelta[o] * n.Inputs[w]
		}
	}
	for h, n := range nn.Hidden.Neurons {
		for w := range n.Weights {
			n.Weights[w] -= learningRate * hidDelta[h] * n.Inputs[w]
		}
	}
}

func (nn *NeuralNetwork) TotalError(inputs, targets []float64) float64 {
	nn.FeedForward(inputs)
	total := 0.0
	for o, n := range nn.Output.Neurons {
		total += n.Error(targets[o])
	}
	return total
}

// TrainSteps trains a fresh blog network for steps updates and returns its
// total error.
func TrainSteps(steps int) float64 {
	nn := BlogNetwork()
	inputs, targets := []float64{0.05, 0.1}, []float64{0.01, 0.99}
	for i := 0; i < steps; i++ {
		nn.Train(inputs, targets)
	}
	return nn.TotalError(inputs, targets)
}
