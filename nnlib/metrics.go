package nnlib

import (
	"fmt"
	"math"
	"strings"
)

// Class returns the class an output (or target) row stands for: the index of
// its largest value (the first one on ties), or for a single value 1 when it
// is at least 0.5 and 0 otherwise. It is how Predictions, Accuracy, Fit's
// accuracy and the plots decide classes.
func Class(row []float64) int {
	if len(row) == 1 {
		if row[0] >= 0.5 {
			return 1
		}
		return 0
	}
	return argmax(row)
}

// argmax returns the index of the largest value (the first one on ties).
func argmax(v []float64) int {
	best := 0
	for i, x := range v {
		if x > v[best] {
			best = i
		}
	}
	return best
}

// Predictions returns the class the network picks for every row of d: the index
// of the largest output, or for a network with a single output 1 when the output
// is at least 0.5 and 0 otherwise. The network is unchanged. It panics, with
// PredictBatch's message, when the network does not fit the data (e.g. "row 0:
// expected 4 inputs, got 2"), when an input is NaN, and when a done cell
// context (see SetCellContext) stops it.
func Predictions(n *Network, d *Dataset) []int {
	if n == nil || d == nil {
		panic(fmt.Sprintf("nnlib: Predictions: expected a network and a data set, got network %v and data set %v", n != nil, d != nil))
	}
	out, err := n.PredictBatch(d.Inputs)
	if err != nil {
		panic(fmt.Errorf("nnlib: Predictions on %q: %w", d.Name, err))
	}
	pred := make([]int, len(out))
	for i, o := range out {
		pred[i] = Class(o)
	}
	return pred
}

// Accuracy returns the share of rows of d (0 to 1) whose class the network
// predicts right (see Predictions). The right class is d.Labels, or, when d has
// no labels, the argmax of the target row (for one-column targets, target ≥ 0.5).
// An empty data set gives 0. It panics when the network does not fit the data.
func Accuracy(n *Network, d *Dataset) float64 {
	if n != nil && d.Len() == 0 {
		return 0
	}
	pred := Predictions(n, d)
	want := d.labelsOf()
	right := 0
	for i, p := range pred {
		if p == want[i] {
			right++
		}
	}
	return float64(right) / float64(len(pred))
}

// ConfusionMatrix counts, for every actual class (row) and predicted class
// (column), how many samples fell there.
type ConfusionMatrix struct {
	Classes []string
	Counts  [][]int // Counts[actual][predicted]
}

// Confusion runs the network on every row of d and tabulates actual against
// predicted classes (see Predictions and Accuracy for how classes are decided).
// Class names come from d.Classes; a network with more outputs than d has classes
// adds numbered ones. It panics when the network does not fit the data.
func Confusion(n *Network, d *Dataset) *ConfusionMatrix {
	pred := Predictions(n, d)
	k := max(len(d.Classes), n.NumOutputs(), 2)
	classes := make([]string, k)
	for i := range classes {
		if i < len(d.Classes) {
			classes[i] = d.Classes[i]
		} else {
			classes[i] = fmt.Sprint(i)
		}
	}
	c, err := NewConfusionMatrix(classes, d.labelsOf(), pred)
	if err != nil {
		panic(fmt.Errorf("nnlib: Confusion on %q: %w", d.Name, err))
	}
	return c
}

// NewConfusionMatrix tabulates actual against predicted class indices (both
// 0..len(classes)-1, one per sample).
func NewConfusionMatrix(classes []string, actual, predicted []int) (*ConfusionMatrix, error) {
	if len(actual) != len(predicted) {
		return nil, fmt.Errorf("confusion matrix: %d actual classes but %d predictions", len(actual), len(predicted))
	}
	if len(classes) == 0 {
		return nil, fmt.Errorf("confusion matrix: expected at least one class name, got none")
	}
	c := &ConfusionMatrix{Classes: append([]string(nil), classes...), Counts: make([][]int, len(classes))}
	for i := range c.Counts {
		c.Counts[i] = make([]int, len(classes))
	}
	for i := range actual {
		a, p := actual[i], predicted[i]
		if a < 0 || a >= len(classes) || p < 0 || p >= len(classes) {
			return nil, fmt.Errorf("confusion matrix: sample %d has actual class %d and prediction %d, want both in 0..%d", i, a, p, len(classes)-1)
		}
		c.Counts[a][p]++
	}
	return c, nil
}

// Total returns the number of samples counted.
func (c *ConfusionMatrix) Total() int {
	t := 0
	for _, row := range c.Counts {
		for _, v := range row {
			t += v
		}
	}
	return t
}

// Correct returns the number of samples on the diagonal.
func (c *ConfusionMatrix) Correct() int {
	t := 0
	for i := range c.Counts {
		t += c.Counts[i][i]
	}
	return t
}

// Accuracy returns Correct/Total (0 when empty).
func (c *ConfusionMatrix) Accuracy() float64 {
	if c.Total() == 0 {
		return 0
	}
	return float64(c.Correct()) / float64(c.Total())
}

// Recall returns, for class k, the share of its samples predicted as k (NaN when
// it has none).
func (c *ConfusionMatrix) Recall(k int) float64 {
	sum := 0
	for _, v := range c.Counts[k] {
		sum += v
	}
	return float64(c.Counts[k][k]) / float64(sum)
}

// Precision returns, for class k, the share of the samples predicted as k that
// are k (NaN when none was predicted as k).
func (c *ConfusionMatrix) Precision(k int) float64 {
	sum := 0
	for i := range c.Counts {
		sum += c.Counts[i][k]
	}
	return float64(c.Counts[k][k]) / float64(sum)
}

// String prints the matrix as an aligned table, actual classes down and
// predicted classes across, with recall per row, precision per column and the
// overall accuracy.
func (c *ConfusionMatrix) String() string {
	if c == nil {
		return "ConfusionMatrix(nil)"
	}
	pct := func(v float64) string {
		if math.IsNaN(v) {
			return "—"
		}
		return fmt.Sprintf("%.1f%%", 100*v)
	}
	rows := [][]string{append(append([]string{"actual \\ predicted"}, c.Classes...), "recall")}
	for i, name := range c.Classes {
		r := []string{name}
		for _, v := range c.Counts[i] {
			r = append(r, fmt.Sprint(v))
		}
		rows = append(rows, append(r, pct(c.Recall(i))))
	}
	prec := []string{"precision"}
	for k := range c.Classes {
		prec = append(prec, pct(c.Precision(k)))
	}
	rows = append(rows, append(prec, ""))
	var b strings.Builder
	b.WriteString(dataTable(rows, true))
	fmt.Fprintf(&b, "accuracy %d/%d = %.2f%%\n", c.Correct(), c.Total(), 100*c.Accuracy())
	return b.String()
}
