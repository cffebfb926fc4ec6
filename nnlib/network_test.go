package nnlib

import (
	"math"
	"strings"
	"testing"
)

func TestBuildErrors(t *testing.T) {
	cases := []struct {
		sizes []int
		opts  []Option
		want  string
	}{
		{[]int{2}, nil, "expected at least 2 sizes"},
		{[]int{2, 0, 1}, nil, "size 1 must be ≥ 1, got 0"},
		{[]int{2, 2}, []Option{WithActivation("swish")}, `unknown activation "swish"`},
		{[]int{2, 2, 2}, []Option{WithHidden(Softmax)}, "softmax is only allowed on the output layer"},
		{[]int{2, 2}, []Option{WithLoss("hinge")}, `unknown loss "hinge"`},
		{[]int{2, 2}, []Option{WithInit("zeros")}, `unknown initialiser "zeros"`},
		{[]int{2, 2, 2}, []Option{WithSharedBias(0.1)}, "expected 2 values (one per layer), got 1"},
		{[]int{2, 2}, []Option{WithLearningRate(math.NaN())}, "learning rate"},
		{[]int{2, 2}, []Option{WithOptimizer(Momentum(0.1, 1.5))}, "momentum must be in [0, 1), got 1.5"},
		{[]int{2, 2}, []Option{WithLayerActivation(3, Tanh)}, "layer 3 out of range"},
	}
	for _, c := range cases {
		n, err := Build(c.sizes, c.opts...)
		if err == nil || n != nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("Build(%v): %v, want error containing %q", c.sizes, err, c.want)
		}
	}
	defer func() {
		if r := recover(); r == nil || !strings.Contains(r.(error).Error(), "at least 2 sizes") {
			t.Errorf("New(3) panic = %v", r)
		}
	}()
	New(3)
}

// TestMisuseLeavesNetworkUnchanged: every failing call names expected vs got
// and changes nothing.
func TestMisuseLeavesNetworkUnchanged(t *testing.T) {
	net := New(2, 3, 1)
	before := net.String()
	params := net.Params()
	checks := []struct {
		name string
		err  error
		want string
	}{}
	add := func(name string, err error, want string) {
		checks = append(checks, struct {
			name string
			err  error
			want string
		}{name, err, want})
	}
	_, err := net.Predict([]float64{1, 2, 3})
	add("Predict", err, "layer 0: weights are 3×2 but the input has 3 values")
	_, err = net.Train([]float64{1, 2}, []float64{1, 2})
	add("Train target", err, "output layer 1 has 1 neurons but the target has 2 values")
	_, err = net.Train([]float64{1}, []float64{1})
	add("Train input", err, "the input has 1 values")
	_, err = net.Gradient([]float64{1}, []float64{1})
	add("Gradient", err, "the input has 1 values")
	_, err = net.Trace([]float64{1, 2}, nil)
	add("Trace", err, "the target has 0 values")
	add("SetWeight layer", net.SetWeight(2, 0, 0, 1), "layer 2 out of range: the network has layers 0..1")
	add("SetWeight index", net.SetWeight(0, 3, 0, 1), "layer 0: weight [3,0] out of range: weights are 3×2")
	add("SetBias", net.SetBias(1, 1, 1), "layer 1: neuron 1 out of range")
	add("SetActivation", net.SetActivation(0, "gelu"), `layer 0: unknown activation "gelu"`)
	add("SetActivation softmax", net.SetActivation(0, Softmax), "softmax is only allowed on the output layer")
	add("SetLoss", net.SetLoss("l1"), `unknown loss "l1"`)
	add("SetLearningRate", net.SetLearningRate(-1), "learning rate must be a finite number ≥ 0, got -1")
	add("SetOptimizer", net.SetOptimizer(Optimizer{Kind: "rmsprop"}), `unknown optimizer kind "rmsprop"`)
	add("SetInit", net.SetInit("ones"), `unknown initialiser "ones"`)
	add("SetSharedBias", net.SetSharedBias(1), "expected 2 values (one per layer), got 1")
	_, err = net.TrainBatch([][]float64{{1, 2}}, nil)
	add("TrainBatch", err, "1 inputs, 0 targets")
	_, err = net.TotalError(&Dataset{Inputs: [][]float64{{1, 2}}, Targets: [][]float64{{1, 1}}})
	add("TotalError", err, "sample 0: output layer 1 has 1 neurons but the target has 2 values")
	for _, c := range checks {
		if c.err == nil || !strings.Contains(c.err.Error(), c.want) {
			t.Errorf("%s: error %v, want %q", c.name, c.err, c.want)
		}
	}
	if net.String() != before {
		t.Errorf("network changed:\n%s", net)
	}
	for i, p := range net.Params() {
		if p != params[i] {
			t.Errorf("%s changed", net.ParamName(i))
		}
	}
	for _, f := range []func(){func() { net.Weight(5, 0, 0) }, func() { net.Bias(0, 9) }, func() { net.Param(-1) }} {
		func() {
			defer func() {
				if r := recover(); r == nil || !strings.Contains(r.(error).Error(), "out of range") {
					t.Errorf("panic %v", r)
				}
			}()
			f()
		}()
	}
}

func TestCloneIndependent(t *testing.T) {
	a := New(2, 3, 1)
	a.SetOptimizer(Adam(0.01))
	a.Train([]float64{1, 0}, []float64{1})
	b := a.Clone()
	a.Train([]float64{1, 0}, []float64{1})
	b.Train([]float64{1, 0}, []float64{1})
	for i := 0; i < a.NumParams(); i++ {
		if a.Param(i) != b.Param(i) {
			t.Fatalf("clone diverged at %s", a.ParamName(i))
		}
	}
	b.SetParam(0, 42)
	if a.Param(0) == 42 {
		t.Fatal("clone shares parameters")
	}
}

func TestParamNames(t *testing.T) {
	w := WorkedExample()
	var got []string
	for i := 0; i < w.NumParams(); i++ {
		got = append(got, w.ParamName(i))
	}
	if s := strings.Join(got, " "); s != "w1 w2 w3 w4 b1 w5 w6 w7 w8 b2" {
		t.Errorf("worked example names %s", s)
	}
	if w.ParamTrainable(4) || !w.ParamTrainable(0) {
		t.Error("b1 should be frozen, w1 trainable")
	}
	n := New(2, 3, 1)
	if n.NumParams() != 13 || n.ParamName(1) != "L1.W[0,1]" || n.ParamName(6) != "L1.b[0]" || n.ParamName(12) != "L2.b[0]" {
		t.Errorf("names: %s %s %s (%d params)", n.ParamName(1), n.ParamName(6), n.ParamName(12), n.NumParams())
	}
}

func TestStringTables(t *testing.T) {
	s := WorkedExample().String()
	for _, want := range []string{"Network 2-2-2", "w1=0.15", "w8=0.55", "b1=0.35 (shared, frozen)", "b2=0.6", "sigmoid", "h1", "o2"} {
		if !strings.Contains(s, want) {
			t.Errorf("String lacks %q:\n%s", want, s)
		}
	}
	big, _ := Build([]int{784, 128, 10}, WithHidden(ReLU), WithLoss(CrossEntropy))
	s = big.String()
	if len(strings.Split(s, "\n")) > 8 || !strings.Contains(s, "128×784") || !strings.Contains(s, "softmax") {
		t.Errorf("big network String:\n%s", s)
	}
	for _, v := range []interface{ String() string }{Sigmoid, CrossEntropy, Xavier, SGD(0.1), Momentum(0.1, 0.9), FitOptions{Epochs: 3}, EpochStats{Epoch: 1, Loss: 0.5}, &History{}} {
		if v.String() == "" {
			t.Errorf("%T prints nothing", v)
		}
	}
}

// TestGradientMatchesNumeric is a quick finite-difference check of backprop
// over activation × loss pairs (the full gradient check is GradCheck).
func TestGradientMatchesNumeric(t *testing.T) {
	type combo struct {
		hidden, out Activation
		loss        Loss
	}
	var combos []combo
	for _, h := range []Activation{Sigmoid, Tanh, ReLU, LeakyReLU, Linear} {
		combos = append(combos, combo{h, Sigmoid, SquaredError}, combo{h, Linear, MSE},
			combo{h, Sigmoid, BinaryCrossEntropy}, combo{h, Softmax, CrossEntropy}, combo{h, Softmax, SquaredError}, combo{h, Tanh, MSE})
	}
	for _, c := range combos {
		net, err := Build([]int{3, 4, 3}, WithHidden(c.hidden), WithOutput(c.out), WithLoss(c.loss), WithInit(Uniform), WithSeed(11))
		if err != nil {
			t.Fatal(err)
		}
		x := []float64{0.3, -0.7, 0.45}
		y := []float64{0.2, 0.7, 0.1}
		g, err := net.Gradient(x, y)
		if err != nil {
			t.Fatal(err)
		}
		for i := range g {
			p := net.Param(i)
			h := 1e-6
			net.SetParam(i, p+h)
			ep, _ := net.SampleLoss(x, y)
			net.SetParam(i, p-h)
			em, _ := net.SampleLoss(x, y)
			net.SetParam(i, p)
			num := (ep - em) / (2 * h)
			if math.Abs(num-g[i]) > 1e-7*math.Max(1, math.Abs(num)) {
				t.Errorf("%v: %s analytic %v numeric %v", c, net.ParamName(i), g[i], num)
			}
		}
	}
}

func TestRegisterActivation(t *testing.T) {
	if err := RegisterActivation("softplus", softplus, sigmoid); err != nil {
		t.Fatal(err)
	}
	net, err := Build([]int{2, 3, 1}, WithHidden("softplus"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := net.Predict([]float64{1, 2}); err != nil {
		t.Fatal(err)
	}
	x, y := []float64{0.5, -1}, []float64{1}
	good, _ := net.Gradient(x, y)
	// a deliberately wrong derivative, under a name of its own, changes
	// backprop's answer for the layer that uses it
	if err := RegisterActivation("sigmoid_wrong", sigmoid, func(x float64) float64 { return 1 }); err != nil {
		t.Fatal(err)
	}
	if err := net.SetActivation(1, "sigmoid_wrong"); err != nil {
		t.Fatal(err)
	}
	bad, _ := net.Gradient(x, y)
	if bad[len(bad)-1] == good[len(good)-1] {
		t.Error("the wrong derivative had no effect")
	}
	// registering a custom name again replaces it
	if err := RegisterActivation("sigmoid_wrong", sigmoid, func(x float64) float64 { s := sigmoid(x); return s * (1 - s) }); err != nil {
		t.Fatal(err)
	}
	if again, _ := net.Gradient(x, y); again[len(again)-1] != good[len(good)-1] {
		t.Errorf("after re-registering the right derivative: %v, want %v", again[len(again)-1], good[len(good)-1])
	}
	for _, c := range []struct {
		name Activation
		f    func(float64) float64
		want string
	}{
		{"", sigmoid, "non-empty name"},
		{"x", nil, "expected both f and df"},
		{Softmax, sigmoid, `"softmax" is built in and cannot be redefined`},
		{Sigmoid, sigmoid, `"sigmoid" is built in and cannot be redefined; register the formulas under a new name (say "sigmoid_custom")`},
		{ReLU, sigmoid, "built in"}, {Tanh, sigmoid, "built in"}, {LeakyReLU, sigmoid, "built in"}, {Linear, sigmoid, "built in"},
	} {
		if err := RegisterActivation(c.name, c.f, sigmoid); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("RegisterActivation(%q): %v, want an error containing %q", c.name, err, c.want)
		}
	}
}

// TestBatchMatchesMeanOfSamples: a TrainBatch step equals SGD on the mean of
// per-sample gradients, on both the small-loop and the gather-kernel path.
func TestBatchMatchesMeanOfSamples(t *testing.T) {
	// {100, 64, 10} at 64 rows with 70% zero inputs takes the sparse path
	for _, sizes := range [][]int{{3, 4, 2}, {40, 64, 10}, {100, 64, 10}} {
		net, _ := Build(sizes, WithHidden(ReLU), WithLoss(CrossEntropy), WithInit(He), WithLearningRate(0.1))
		rows := 20
		if sizes[0] == 100 {
			rows = 64
		}
		d := bigData(rows, sizes[0], sizes[len(sizes)-1])
		if sizes[0] == 100 {
			for _, x := range d.Inputs {
				for j := range x {
					if x[j] < 0.7 {
						x[j] = 0
					}
				}
			}
		}
		mean := make([]float64, net.NumParams())
		for i := range d.Inputs {
			g, _ := net.Gradient(d.Inputs[i], d.Targets[i])
			for k := range g {
				mean[k] += g[k] / float64(rows)
			}
		}
		want := net.Params()
		for k := range want {
			want[k] -= 0.1 * mean[k]
		}
		if _, err := net.TrainBatch(d.Inputs, d.Targets); err != nil {
			t.Fatal(err)
		}
		for k, w := range want {
			if !near(net.Param(k), w, 1e-12) {
				t.Fatalf("%v: %s = %v, want %v", sizes, net.ParamName(k), net.Param(k), w)
			}
		}
		if sizes[0] == 100 && !net.ws.sparse0 {
			t.Error("sparse path not taken")
		}
		outs, _ := net.PredictBatch(d.Inputs)
		for i, x := range d.Inputs {
			o, _ := net.Predict(x)
			for j := range o {
				if !near(o[j], outs[i][j], 1e-12) {
					t.Fatalf("PredictBatch row %d differs", i)
				}
			}
		}
	}
}

func TestSetSeedAndInit(t *testing.T) {
	for _, in := range []Init{Uniform, Xavier, He} {
		a, _ := Build([]int{10, 20, 5}, WithInit(in), WithSeed(4))
		b, _ := Build([]int{10, 20, 5}, WithInit(in), WithSeed(4))
		if a.String() != b.String() {
			t.Errorf("%s: same seed, different networks", in)
		}
		b.SetSeed(5)
		if a.Param(0) == b.Param(0) {
			t.Errorf("%s: SetSeed did not change weights", in)
		}
		b.SetSeed(4)
		if a.String() != b.String() {
			t.Errorf("%s: SetSeed(4) did not restore", in)
		}
		// weights within the initialiser's range
		lim := map[Init]float64{Uniform: 1 / math.Sqrt(10), Xavier: math.Sqrt(6.0 / 30), He: 10 * math.Sqrt(2.0/10)}[in]
		for i := 0; i < 200; i++ {
			if math.Abs(a.Param(i)) > lim {
				t.Errorf("%s: weight %v beyond %v", in, a.Param(i), lim)
			}
		}
	}
}

func TestZeroNetwork(t *testing.T) {
	var n Network
	if _, err := n.Predict([]float64{1}); err == nil || !strings.Contains(err.Error(), "empty network") {
		t.Errorf("Predict on a zero Network: %v", err)
	}
	if _, err := n.Fit(xorData(), FitOptions{Epochs: 1}); err == nil || !strings.Contains(err.Error(), "empty network") {
		t.Errorf("Fit on a zero Network: %v", err)
	}
	if _, err := n.Train([]float64{1}, []float64{1}); err == nil {
		t.Error("Train on a zero Network: no error")
	}
	_ = n.String()
}
