package nnlib_test

import (
	"fmt"

	"github.com/nnbook/nnbook/nnlib"
)

// The seed's worked example: build it, look at it, take one step, read the
// numbers the blog post prints.
func ExampleWorkedExample() {
	net := nnlib.WorkedExample()
	fmt.Println(net)

	out, _ := net.Predict(nnlib.WorkedInput())
	fmt.Printf("outputs before: %.9f %.9f\n", out[0], out[1])
	e, _ := net.TotalError(nnlib.WorkedExampleData())
	fmt.Printf("E_total before: %.9f\n", e)

	net.Train(nnlib.WorkedInput(), nnlib.WorkedTarget())
	fmt.Printf("w5 after one step: %.8f\n", net.Weight(1, 0, 0))
	e, _ = net.TotalError(nnlib.WorkedExampleData())
	fmt.Printf("E_total after one step: %.11f\n", e)
	// Output:
	// Network 2-2-2 (sigmoid/sigmoid; loss squared_error; SGD(lr=0.5); shared frozen biases; seed 1; 10 parameters)
	// layer      neuron  activation  bias                      weights
	// ---------  ------  ----------  ------------------------  -------  -------
	// L1 hidden  h1      sigmoid     b1=0.35 (shared, frozen)  w1=0.15  w2=0.2
	//            h2      sigmoid     b1=0.35 (shared, frozen)  w3=0.25  w4=0.3
	// L2 output  o1      sigmoid     b2=0.6 (shared, frozen)   w5=0.4   w6=0.45
	//            o2      sigmoid     b2=0.6 (shared, frozen)   w7=0.5   w8=0.55
	//
	// outputs before: 0.751365070 0.772928465
	// E_total before: 0.298371109
	// w5 after one step: 0.35891648
	// E_total after one step: 0.29102777369
}

// Trace shows every intermediate of one step; Value reads single numbers by
// the names of the blog post.
func ExampleNetwork_Trace() {
	net := nnlib.WorkedExample()
	tr, _ := net.Trace(nnlib.WorkedInput(), nnlib.WorkedTarget())
	fmt.Printf("δ_o1 = %.9f\n", tr.Value("delta_o1"))
	fmt.Printf("∂E/∂w5 = %.9f\n", tr.Value("dE_dw5"))
	fmt.Printf("∂E/∂out_h1 = %.9f (%.9f from o1, %.9f from o2)\n",
		tr.Value("dE_dout_h1"), tr.Value("dEo1_dout_h1"), tr.Value("dEo2_dout_h1"))
	fmt.Printf("new w1 = %.9f\n", tr.Value("updated_weights.w1"))
	// Output:
	// δ_o1 = 0.138498562
	// ∂E/∂w5 = 0.082167041
	// ∂E/∂out_h1 = 0.036350306 (0.055399425 from o1, -0.019049118 from o2)
	// new w1 = 0.149780716
}

// The published figures come from a slightly different algorithm; see
// SetPublishedVariant.
func ExampleNetwork_SetPublishedVariant() {
	exact, published := nnlib.WorkedExample(), nnlib.WorkedExample()
	published.SetPublishedVariant(true)
	for i := 0; i < 10000; i++ {
		exact.Train(nnlib.WorkedInput(), nnlib.WorkedTarget())
		published.Train(nnlib.WorkedInput(), nnlib.WorkedTarget())
	}
	e1, _ := exact.TotalError(nnlib.WorkedExampleData())
	e2, _ := published.TotalError(nnlib.WorkedExampleData())
	o, _ := published.Predict(nnlib.WorkedInput())
	fmt.Printf("exact:     E_total %.7e\n", e1)
	fmt.Printf("published: E_total %.7e, outputs %.9f %.9f\n", e2, o[0], o[1])
	// Output:
	// exact:     E_total 3.5101878e-05
	// published: E_total 3.5084786e-05, outputs 0.015912196 0.984065734
}

// New builds a network in one line; Fit trains it and returns a History.
func ExampleNew() {
	net := nnlib.New(2, 3, 1) // sigmoid, squared error, SGD lr 0.5, seed 1
	xor := &nnlib.Dataset{
		Inputs:  [][]float64{{0, 0}, {0, 1}, {1, 0}, {1, 1}},
		Targets: [][]float64{{0}, {1}, {1}, {0}},
		Labels:  []int{0, 1, 1, 0},
	}
	h, err := net.Fit(xor, nnlib.FitOptions{Epochs: 2000, BatchSize: 1, Shuffle: true})
	if err != nil {
		fmt.Println(err)
		return
	}
	last := h.Last()
	fmt.Printf("epochs %d, loss < 0.01: %v, accuracy %.0f%%\n", last.Epoch, last.Loss < 0.01, 100*last.Accuracy)
	for _, x := range xor.Inputs {
		out, _ := net.Predict(x)
		fmt.Printf("%v → %.0f\n", x, out[0])
	}
	// Output:
	// epochs 2000, loss < 0.01: true, accuracy 100%
	// [0 0] → 0
	// [0 1] → 1
	// [1 0] → 1
	// [1 1] → 0
}

// Build takes options for everything else.
func ExampleBuild() {
	net, err := nnlib.Build([]int{4, 16, 3},
		nnlib.WithHidden(nnlib.ReLU),
		nnlib.WithLoss(nnlib.CrossEntropy), // makes the output softmax
		nnlib.WithOptimizer(nnlib.Adam(0.01)),
		nnlib.WithInit(nnlib.He),
		nnlib.WithSeed(42))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(net.Summary())
	_, err = net.Predict([]float64{1, 2, 3})
	fmt.Println(err)
	// Output:
	// Network 4-16-3 (relu/softmax; loss cross_entropy; Adam(lr=0.01, β1=0.9, β2=0.999, ε=1e-08); trainable biases; seed 42; 131 parameters)
	// layer 0: weights are 16×4 but the input has 3 values (the network expects 4 inputs)
}

// Save and load as JSON; the loaded network predicts bit for bit the same.
func ExampleUnmarshal() {
	net := nnlib.WorkedExample()
	b, _ := net.Marshal()
	back, err := nnlib.Unmarshal(b)
	if err != nil {
		fmt.Println(err)
		return
	}
	o1, _ := net.Predict(nnlib.WorkedInput())
	o2, _ := back.Predict(nnlib.WorkedInput())
	fmt.Println(o1[0] == o2[0] && o1[1] == o2[1])
	_, err = nnlib.Unmarshal(b[:len(b)/2])
	fmt.Println(err)
	// Output:
	// true
	// load network: malformed JSON: unexpected end of JSON input
}

// The mean gradient of a batch in one call, then per layer as matrices.
func ExampleNetwork_BatchGradient() {
	net := nnlib.WorkedExample()
	data := nnlib.WorkedExampleData()
	g, _ := net.BatchGradient(data.Inputs, data.Targets)
	layers, _ := net.SplitByLayer(g)
	fmt.Printf("∂E/∂w5 = %.9f\n", layers[1].W[0][0])
	// Output:
	// ∂E/∂w5 = 0.082167041
}

// Weights go in and out as matrices, one row per neuron.
func ExampleNetwork_SetWeights() {
	net := nnlib.New(2, 2, 1)
	_ = net.SetWeights(0, [][]float64{{0.15, 0.20}, {0.25, 0.30}})
	_ = net.SetBiases(0, []float64{0.35, 0.35})
	fmt.Println(net.Weights(0), net.Biases(0))
	// Output:
	// [[0.15 0.2] [0.25 0.3]] [0.35 0.35]
}

// The loss of one sample, by input and target: the worked example's E_total
// before training (blog-example.json: 0.298371109).
func ExampleNetwork_SampleLoss() {
	net := nnlib.WorkedExample()
	e, _ := net.SampleLoss(nnlib.WorkedInput(), nnlib.WorkedTarget())
	fmt.Printf("E_total = %.9f\n", e)
	// Output:
	// E_total = 0.298371109
}

// Gradients per layer as matrices: ∂E/∂W and ∂E/∂b of one sample.
func ExampleNetwork_GradientByLayer() {
	net := nnlib.WorkedExample()
	g, _ := net.GradientByLayer(nnlib.WorkedInput(), nnlib.WorkedTarget())
	fmt.Println(g[1])
	// Output:
	// L2: W 2×2
	//   [0.08216704056 0.08266762785]
	//   [-0.02260254048 -0.02274024222]
	//   b (shared) [0.1004003251]
}
