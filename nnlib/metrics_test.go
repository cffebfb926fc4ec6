package nnlib

import (
	"fmt"
	"math"
	"reflect"
	"strings"
	"testing"
)

// xorNet returns a 2-2-1 sigmoid network wired by hand to compute XOR:
// h1 = OR, h2 = AND, out = h1 AND NOT h2.
func xorNet(t testing.TB) *Network {
	n, err := Build([]int{2, 2, 1})
	if err != nil {
		t.Fatal(err)
	}
	set := func(l, to, from int, v float64) {
		if err := n.SetWeight(l, to, from, v); err != nil {
			t.Fatal(err)
		}
	}
	set(0, 0, 0, 20)
	set(0, 0, 1, 20)
	set(0, 1, 0, 20)
	set(0, 1, 1, 20)
	set(1, 0, 0, 20)
	set(1, 0, 1, -20)
	for _, b := range []struct {
		l, j int
		v    float64
	}{{0, 0, -10}, {0, 1, -30}, {1, 0, -10}} {
		if err := n.SetBias(b.l, b.j, b.v); err != nil {
			t.Fatal(err)
		}
	}
	return n
}

func TestAccuracyAndPredictions(t *testing.T) {
	n := xorNet(t)
	d := XOR()
	if got := Predictions(n, d); !reflect.DeepEqual(got, []int{0, 1, 1, 0}) {
		t.Errorf("Predictions = %v", got)
	}
	tests := []struct {
		name string
		d    *Dataset
		want float64
	}{
		{"labels", d, 1},
		{"labels from targets", &Dataset{Inputs: d.Inputs, Targets: d.Targets}, 1},
		{"wrong labels", &Dataset{Inputs: d.Inputs, Targets: d.Targets, Labels: []int{1, 1, 1, 0}}, 0.75},
		{"empty", &Dataset{}, 0},
	}
	for _, tt := range tests {
		if got := Accuracy(n, tt.d); got != tt.want {
			t.Errorf("%s: Accuracy = %v, want %v", tt.name, got, tt.want)
		}
	}
	// Several outputs: argmax against the one-hot targets' argmax.
	m, err := Build([]int{2, 3}, WithLoss(CrossEntropy), WithSeed(2))
	if err != nil {
		t.Fatal(err)
	}
	moons := TwoMoons(10, 0.1, 1)
	moons.Labels = nil
	pred := Predictions(m, moons)
	right := 0
	for i, p := range pred {
		out, _ := m.Predict(moons.Inputs[i])
		if p != argmax(out) {
			t.Fatalf("row %d: prediction %d, outputs %v", i, p, out)
		}
		if p == argmax(moons.Targets[i]) {
			right++
		}
	}
	if got := Accuracy(m, moons); got != float64(right)/10 {
		t.Errorf("Accuracy = %v, want %v", got, float64(right)/10)
	}
	func() {
		defer func() {
			if r := recover(); r == nil || !strings.Contains(fmt.Sprint(r), "expected a network and a data set") {
				t.Errorf("nil network: panic %v", r)
			}
		}()
		Accuracy(nil, d)
	}()
	// A network that does not fit the data panics with Predict's reason.
	defer func() {
		r := recover()
		err, _ := r.(error)
		if err == nil || !strings.Contains(err.Error(), `Predictions on "iris": row 0:`) {
			t.Errorf("mismatch: panic %v", r)
		}
	}()
	Accuracy(n, Iris())
}

func TestConfusionMatrix(t *testing.T) {
	c, err := NewConfusionMatrix([]string{"cat", "dog", "bird"}, []int{0, 0, 1, 1, 1, 2}, []int{0, 1, 1, 1, 0, 1})
	if err != nil {
		t.Fatal(err)
	}
	want := `actual \ predicted    cat    dog  bird  recall
cat                     1      1     0   50.0%
dog                     1      2     0   66.7%
bird                    0      1     0    0.0%
precision           50.0%  50.0%     —
accuracy 3/6 = 50.00%
`
	if got := c.String(); got != want {
		t.Errorf("String() =\n%s\nwant\n%s", got, want)
	}
	if c.Total() != 6 || c.Correct() != 3 || c.Accuracy() != 0.5 || !math.IsNaN(c.Precision(2)) || c.Recall(1) != 2.0/3 {
		t.Errorf("totals: %d %d %v %v %v", c.Total(), c.Correct(), c.Accuracy(), c.Precision(2), c.Recall(1))
	}
	for _, bad := range []struct {
		classes           []string
		actual, predicted []int
		want              string
	}{
		{[]string{"a"}, []int{0}, []int{0, 0}, "1 actual classes but 2 predictions"},
		{nil, nil, nil, "expected at least one class name"},
		{[]string{"a", "b"}, []int{0, 2}, []int{0, 1}, "sample 1 has actual class 2 and prediction 1, want both in 0..1"},
	} {
		if _, err := NewConfusionMatrix(bad.classes, bad.actual, bad.predicted); err == nil || !strings.Contains(err.Error(), bad.want) {
			t.Errorf("NewConfusionMatrix(%v, %v, %v): %v, want %q", bad.classes, bad.actual, bad.predicted, err, bad.want)
		}
	}
	// Confusion on a network: XOR, all right.
	cx := Confusion(xorNet(t), XOR())
	if !reflect.DeepEqual(cx.Counts, [][]int{{2, 0}, {0, 2}}) || !reflect.DeepEqual(cx.Classes, []string{"0", "1"}) {
		t.Errorf("Confusion(XOR) = %v", cx)
	}
}

// TestIrisAccuracy: a 4-8-3 network (sigmoid hidden, softmax output, Adam)
// trained on 80% of Iris (standardized) classifies the held-out 20% with a mean
// accuracy ≥ 95% over 20 seeded splits. One split's 30 test rows make its
// accuracy move in steps of 3.3%, so a single split would measure the split as
// much as the network; per-split accuracies are logged.
func TestIrisAccuracy(t *testing.T) {
	const splits = 20
	var sum float64
	var all []string
	for seed := int64(1); seed <= splits; seed++ {
		train, test := Iris().Split(0.8, seed)
		train, sc := train.Standardize()
		test, err := sc.Apply(test)
		if err != nil {
			t.Fatal(err)
		}
		n, err := Build([]int{4, 8, 3}, WithHidden(Sigmoid), WithLoss(CrossEntropy), WithOptimizer(Adam(0.003)), WithSeed(seed))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := n.Fit(train, FitOptions{Epochs: 300, BatchSize: 16, Shuffle: true}); err != nil {
			t.Fatal(err)
		}
		acc := Accuracy(n, test)
		c := Confusion(n, test)
		if c.Accuracy() != acc || c.Total() != test.Len() {
			t.Errorf("seed %d: confusion matrix accuracy %v of %d, Accuracy %v of %d", seed, c.Accuracy(), c.Total(), acc, test.Len())
		}
		if acc < 0.85 {
			t.Errorf("seed %d: test accuracy %.3f, want ≥ 0.85 on every split\n%s", seed, acc, c)
		}
		sum += acc
		all = append(all, fmt.Sprintf("%.3f", acc))
	}
	mean := sum / splits
	t.Logf("Iris 4-8-3: mean test accuracy %.4f over %d splits: %s", mean, splits, strings.Join(all, " "))
	if mean < 0.95 {
		t.Errorf("Iris mean test accuracy %.4f, want ≥ 0.95 (per split: %s)", mean, strings.Join(all, " "))
	}
}
