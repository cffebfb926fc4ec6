package nnlib

import (
	"math"
	"testing"
)

// TestTrain222Matches: Train's register-only path for 2-2-2 sigmoid networks
// gives the same bits as the one-pass shortcut (itself checked against the
// general path by TestOnlineShortcutMatches): the worked example, its published
// variant, and per-neuron trained biases, over many steps and inputs.
func TestTrain222Matches(t *testing.T) {
	pub := WorkedExample()
	pub.SetPublishedVariant(true)
	own := New(2, 2, 2)
	ownPub := New(2, 2, 2)
	ownPub.SetPublishedVariant(true)
	for _, a := range []*Network{WorkedExample(), pub, own, ownPub} {
		if !a.is222() {
			t.Fatalf("%s: 2-2-2 path not taken", a.Summary())
		}
		b := a.Clone()
		for step := 0; step < 500; step++ {
			x := []float64{0.05 + 0.01*float64(step%7), 0.1 - 0.03*float64(step%5)}
			y := []float64{0.01 * float64(step%3), 0.99}
			ea, err := a.Train(x, y)
			if err != nil {
				t.Fatal(err)
			}
			ws := b.work(1)
			copy(ws.x, x)
			copy(ws.t, y)
			eb := b.trainOnline(ws)
			if math.Float64bits(ea) != math.Float64bits(eb) {
				t.Fatalf("%s step %d: loss %v vs %v", a.Summary(), step, ea, eb)
			}
		}
		for i := 0; i < a.NumParams(); i++ {
			if math.Float64bits(a.Param(i)) != math.Float64bits(b.Param(i)) {
				t.Fatalf("%s: %s differs: %v vs %v", a.Summary(), a.ParamName(i), a.Param(i), b.Param(i))
			}
		}
		if a.Steps() != b.Steps() {
			t.Errorf("steps %d vs %d", a.Steps(), b.Steps())
		}
	}
	// MSE, other activations, custom ones: not this path
	m, _ := Build([]int{2, 2, 2}, WithLoss(MSE))
	th, _ := Build([]int{2, 2, 2}, WithHidden(Tanh))
	for _, n := range []*Network{m, th, New(2, 3, 2)} {
		if n.is222() {
			t.Errorf("%s took the 2-2-2 path", n.Summary())
		}
	}
	RegisterActivation("sigmoid_222_test", sigmoid, sigmoid)
	w := WorkedExample()
	w.SetActivation(1, "sigmoid_222_test")
	if w.is222() {
		t.Error("a custom activation took the 2-2-2 path")
	}
}
