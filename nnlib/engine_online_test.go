package nnlib

import (
	"math"
	"testing"
)

// TestOnlineShortcutMatches: Train's shortcut for tiny SGD networks gives the
// same bits as the general path (forward, lossSum, sgdStep1).
func TestOnlineShortcutMatches(t *testing.T) {
	cases := []*Network{WorkedExample(), func() *Network { n := WorkedExample(); n.SetPublishedVariant(true); return n }()}
	for _, h := range []Activation{Sigmoid, Tanh, ReLU, LeakyReLU, Linear} {
		for _, loss := range []Loss{SquaredError, MSE} {
			n, err := Build([]int{3, 5, 4, 2}, WithHidden(h), WithOutput(Sigmoid), WithLoss(loss), WithInit(Uniform), WithSeed(3))
			if err != nil {
				t.Fatal(err)
			}
			cases = append(cases, n)
		}
	}
	for _, a := range cases {
		if !a.onlineOK() {
			t.Fatalf("%s: shortcut not taken", a.Summary())
		}
		b := a.Clone()
		x := make([]float64, a.NumInputs())
		y := make([]float64, a.NumOutputs())
		for i := range x {
			x[i] = 0.1 + 0.2*float64(i)
		}
		y[0] = 1
		for step := 0; step < 50; step++ {
			ea, err := a.Train(x, y)
			if err != nil {
				t.Fatal(err)
			}
			ws := b.work(1)
			copy(ws.x, x)
			copy(ws.t, y)
			b.forward(ws, 1)
			eb := b.lossSum(ws, 1)
			b.sgdStep1(ws)
			if math.Float64bits(ea) != math.Float64bits(eb) {
				t.Fatalf("%s step %d: loss %v vs %v", a.Summary(), step, ea, eb)
			}
		}
		for i := 0; i < a.NumParams(); i++ {
			if math.Float64bits(a.Param(i)) != math.Float64bits(b.Param(i)) {
				t.Fatalf("%s: %s differs: %v vs %v", a.Summary(), a.ParamName(i), a.Param(i), b.Param(i))
			}
		}
	}
	// custom activations and other optimizers take the general path
	n := New(2, 2, 1)
	n.SetOptimizer(Adam(0.01))
	if n.onlineOK() {
		t.Error("Adam took the SGD shortcut")
	}
	RegisterActivation("sigmoid_online_test", sigmoid, sigmoid)
	c, _ := Build([]int{2, 2, 1}, WithHidden("sigmoid_online_test"))
	if c.onlineOK() {
		t.Error("a custom activation took the shortcut")
	}
}
