package nnlib

import (
	"fmt"
	"sort"
	"testing"
)

// trainTrajectory trains net on the worked sample and returns E_total after
// each count of updates in want (fresh forward pass, as the reference does).
func trainTrajectory(t *testing.T, net *Network, upto int) map[int]float64 {
	t.Helper()
	data := WorkedExampleData()
	got := map[int]float64{}
	e, err := net.TotalError(data)
	if err != nil {
		t.Fatal(err)
	}
	got[0] = e
	for k := 1; k <= upto; k++ {
		if _, err := net.Train(WorkedInput(), WorkedTarget()); err != nil {
			t.Fatal(err)
		}
		e, err := net.TotalError(data)
		if err != nil {
			t.Fatal(err)
		}
		got[k] = e
	}
	return got
}

func TestWorkedExampleNetwork(t *testing.T) {
	ref := loadRef(t)
	net := WorkedExample()
	if got := net.Sizes(); fmt.Sprint(got) != "[2 2 2]" {
		t.Fatalf("Sizes = %v, want [2 2 2]", got)
	}
	for i := 0; i < 8; i++ {
		name := fmt.Sprintf("w%d", i+1)
		want := ref.num(t, "network", "initial_weights", name)
		// the flat order is w1..w4, b1, w5..w8, b2
		idx := i
		if i >= 4 {
			idx = i + 1
		}
		if net.ParamName(idx) != name || net.Param(idx) != want {
			t.Errorf("param %d = %s %v, want %s %v", idx, net.ParamName(idx), net.Param(idx), name, want)
		}
	}
	if b := net.Bias(0, 1); b != ref.num(t, "network", "biases", "b1") {
		t.Errorf("b1 = %v", b)
	}
	if b := net.Bias(1, 0); b != ref.num(t, "network", "biases", "b2") {
		t.Errorf("b2 = %v", b)
	}
	if net.LearningRate() != ref.num(t, "network", "learning_rate") {
		t.Errorf("learning rate %v", net.LearningRate())
	}
	out, err := net.Predict(WorkedInput())
	if err != nil {
		t.Fatal(err)
	}
	for i, k := range []string{"out_o1", "out_o2"} {
		if want := ref.num(t, "first_step", "forward", k); !near(out[i], want, 1e-12) {
			t.Errorf("%s = %.17g, want %.17g", k, out[i], want)
		}
	}
}

// TestWorkedExampleByHand builds the seed network from New/SetWeight and the
// shared-bias option and checks it equals WorkedExample.
func TestWorkedExampleByHand(t *testing.T) {
	ref := loadRef(t)
	net, err := Build([]int{2, 2, 2}, WithSharedBias(ref.num(t, "network", "biases", "b1"), ref.num(t, "network", "biases", "b2")))
	if err != nil {
		t.Fatal(err)
	}
	for k := 1; k <= 8; k++ {
		l, rest := (k-1)/4, (k-1)%4
		if err := net.SetWeight(l, rest/2, rest%2, ref.num(t, "network", "initial_weights", fmt.Sprintf("w%d", k))); err != nil {
			t.Fatal(err)
		}
	}
	want := WorkedExample()
	if net.String() != want.String() {
		t.Fatalf("by hand:\n%s\nWorkedExample:\n%s", net, want)
	}
	// hand-built via New + SetSharedBias too
	n2 := New(2, 2, 2)
	if err := n2.SetSharedBias(0.35, 0.6); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < n2.NumParams(); i++ {
		n2.SetParam(i, want.Param(i))
	}
	if n2.String() != want.String() {
		t.Fatalf("New+SetSharedBias:\n%s\nwant:\n%s", n2, want)
	}
}

func TestWorkedExampleTraining(t *testing.T) {
	ref := loadRef(t)
	net := WorkedExample()
	got := trainTrajectory(t, net, 10000)
	want := ref.counts(t, "training", "error_after_updates")
	for _, m := range []map[int]float64{want, ref.counts(t, "training", "error_every_1000_updates")} {
		keys := make([]int, 0, len(m))
		for k := range m {
			keys = append(keys, k)
		}
		sort.Ints(keys)
		for _, k := range keys {
			if !near(got[k], m[k], 1e-9) {
				t.Errorf("E_total after %d updates = %.17g, want %.17g", k, got[k], m[k])
			}
		}
	}
	out, _ := net.Predict(WorkedInput())
	for i, w := range ref.nums(t, "training", "outputs_after_10000") {
		if !near(out[i], w, 1e-9) {
			t.Errorf("output %d after 10000 = %.17g, want %.17g", i, out[i], w)
		}
	}
	for k := 1; k <= 8; k++ {
		w := ref.num(t, "training", "weights_after_10000", fmt.Sprintf("w%d", k))
		l, rest := (k-1)/4, (k-1)%4
		if g := net.Weight(l, rest/2, rest%2); !near(g, w, 1e-9) {
			t.Errorf("w%d after 10000 = %.17g, want %.17g", k, g, w)
		}
	}
	if net.Bias(0, 0) != 0.35 || net.Bias(1, 1) != 0.6 {
		t.Errorf("shared biases changed: %v %v", net.Bias(0, 0), net.Bias(1, 1))
	}
	if net.Steps() != 10000 {
		t.Errorf("Steps = %d", net.Steps())
	}
}

func TestWorkedExamplePublishedVariant(t *testing.T) {
	ref := loadRef(t)
	net := WorkedExample()
	net.SetPublishedVariant(true)
	got := trainTrajectory(t, net, 10000)
	want := ref.counts(t, "published_variant_reproduction", "error_after_updates")
	for k, w := range want {
		if !near(got[k], w, 1e-9) {
			t.Errorf("published variant: E_total after %d updates = %.17g, want %.17g", k, got[k], w)
		}
	}
	out, _ := net.Predict(WorkedInput())
	for i, w := range ref.nums(t, "published_variant_reproduction", "outputs_after_10000") {
		if !near(out[i], w, 1e-9) {
			t.Errorf("published variant: output %d after 10000 = %.17g, want %.17g", i, out[i], w)
		}
	}
	// and the published (rounded) figures themselves
	if !near(got[1], ref.num(t, "published", "mazur_2015", "E_total_after_1"), 5e-10) {
		t.Errorf("published E after 1 = %.12g", got[1])
	}
	pub := ref.nums(t, "published", "mazur_2015", "outputs_after_10000")
	for i := range pub {
		if !near(out[i], pub[i], 5e-10) {
			t.Errorf("published output %d = %.12g, blog %.9g", i, out[i], pub[i])
		}
	}
}

func TestWorkedExampleBatchEqualsOnline(t *testing.T) {
	// One full-batch Fit epoch over the single sample is the seed's train step.
	a, b := WorkedExample(), WorkedExample()
	if _, err := a.Train(WorkedInput(), WorkedTarget()); err != nil {
		t.Fatal(err)
	}
	if _, err := b.Fit(WorkedExampleData(), FitOptions{Epochs: 1}); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < a.NumParams(); i++ {
		if a.Param(i) != b.Param(i) {
			t.Errorf("%s: Train %v, Fit %v", a.ParamName(i), a.Param(i), b.Param(i))
		}
	}
}
