// Package nnlib is nnbook's neural-network library: small dense networks you
// can build in one line, train, and look inside, down to every number of the
// backpropagation worked example it grew from.
//
// # Start with the worked example
//
// The seed of nnbook is the classic 2-2-2 backpropagation example (Matt Mazur
// 2015, retold in a 2016 Chinese blog post): two inputs, two hidden and two
// output sigmoid neurons, weights w1..w8, one bias per layer (b1 = 0.35,
// b2 = 0.60) shared by its neurons and never trained, squared error, learning
// rate 0.5. WorkedExample returns exactly that network:
//
//	net := nnlib.WorkedExample()
//	fmt.Println(net)                                     // the weights as a table
//	out, _ := net.Predict(nnlib.WorkedInput())           // feed forward: 0.7513650696, 0.7729284653
//	tr, _ := net.Trace(nnlib.WorkedInput(), nnlib.WorkedTarget())
//	fmt.Println(tr)                                      // the whole backprop ledger
//	tr.Value("delta_o1")                                 // 0.1384985616
//	net.Train(nnlib.WorkedInput(), nnlib.WorkedTarget()) // one step of gradient descent
//
// A Trace holds every intermediate of one step — net and out per neuron, E per
// output, ∂E/∂out, ∂out/∂net, δ, each hidden neuron's share of error from each
// output, ∂E/∂w and the new weight — printed in the order the blog walks
// through them, with the blog's names (i1, h1, o1, w1..w8, b1, b2). Its keys are
// those of blog-example.json, the independent reference the tests compare
// against.
//
// The figures the blog prints after training do not come from the algorithm it
// describes: see Network.SetPublishedVariant for the variant that reproduces
// them and why.
//
// # Build your own
//
//	net := nnlib.New(2, 3, 1) // 2 inputs, 3 hidden, 1 output
//
// New uses sigmoid everywhere, the seed's squared error, plain gradient descent
// with learning rate 0.5, a trainable bias per neuron and Xavier weights drawn
// from seed 1. Build takes options for the rest:
//
//	net, err := nnlib.Build([]int{784, 128, 10},
//		nnlib.WithHidden(nnlib.ReLU), nnlib.WithLoss(nnlib.CrossEntropy),
//		nnlib.WithOptimizer(nnlib.Adam(0.001)), nnlib.WithInit(nnlib.He), nnlib.WithSeed(42))
//
// Activations: Sigmoid, Tanh, ReLU, LeakyReLU, Linear, Softmax (output layer);
// RegisterActivation adds one under a new name (the built-ins cannot be
// redefined).
// Losses: SquaredError (½Σ(t−o)²), MSE, BinaryCrossEntropy, CrossEntropy
// (softmax cross-entropy, δ = o − t). Initialisers: Uniform, Xavier, He.
// Optimizers: SGD, Momentum, Adam (PyTorch's formulas and defaults).
// Setters (SetWeight, SetWeights, SetBias, SetBiases, SetActivation, SetLoss,
// SetOptimizer, SetLearningRate, SetSharedBias, SetSeed) change a network in
// place; each
// returns an error that names what was expected and what came, and leaves the
// network unchanged when it fails.
//
// The same seed always gives the same network and the same training: weights
// and shuffling both come from the seed stored in the network (and saved with
// it), and the arithmetic gives the same bits on every CPU and with any number
// of cores.
//
// # Train
//
// Train takes one step on one sample (the seed's train); TrainBatch one step
// on the mean loss of a batch; Fit runs epochs over a Dataset:
//
//	h, err := net.Fit(data, nnlib.FitOptions{Epochs: 100, BatchSize: 32, Shuffle: true,
//		Validation: test, OnEpoch: func(e nnlib.EpochStats) { fmt.Println(e) }})
//	fmt.Println(h) // loss (and accuracy, validation) per epoch, as a table
//
// BatchSize 1 is online training, 0 the full batch. Fit stops within one
// mini-batch when its Context or CellContext (the kernel's interrupt) is
// cancelled, returning the epochs done and an error wrapping
// context.Canceled; a NaN or infinite loss stops it with an error naming the
// epoch and step. SetProgressHook lets a front end watch every epoch of any Fit.
//
// # Stopping and errors
//
// Every call that can run long — Fit, Evaluate, TotalError, PredictBatch (and
// Predictions, Accuracy, Confusion), GradCheck, LoadMNIST, LoadCSV and the
// figures of nnlib/plot — watches CellContext and returns promptly with an
// error wrapping its cause once it is done. A call that returns an error
// leaves the network exactly as it was before the call: an interrupted or
// diverged Fit puts back the weights, optimizer state, step count and shuffle
// position; GradCheck puts back the weight it was nudging.
//
// # Look inside
//
// Weight, Bias, Weights, Biases and LayerActivation read a network; String
// prints it; SetWeights and SetBiases write a layer's matrices. The
// parameters also form one flat vector (NumParams, Param, SetParam,
// ParamName, Gradient, BatchGradient — the mean over a batch —, SampleLoss)
// — the view a gradient check needs; ParamsByLayer, GradientByLayer and
// SplitByLayer give the same numbers as one LayerParams (W, b) per layer. Layer indices count weight layers from 0 (0 = the first hidden
// layer); printed names count from 1 (L1, L2, like the blog's b1 and b2).
//
// # Keep
//
// Save and Load (Marshal and Unmarshal for bytes) write versioned JSON:
// architecture, weights, biases, activations, loss, optimizer settings, seed.
// A loaded network predicts bit for bit like the saved one.
//
// # Speed
//
// The definition of a training step is reference.go, written plainly; the
// fast kernels (engine*.go, picked in dispatch.go) are held to it by test. They
// work on whole batches with preallocated buffers: plain loops for tiny
// layers, one fused multiply-add kernel (AVX2, or math.FMA in the same order)
// for wide ones, skipping zero inputs — so results are the same on every CPU
// and core count. See README.md beside this file for measurements.
//
// A Network is not safe for concurrent use; Clone it for another goroutine.
package nnlib
