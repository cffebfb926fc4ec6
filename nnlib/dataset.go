package nnlib

import (
	"fmt"
	"math"
	"math/rand"
	"strings"
)

// Dataset is a table of samples: one input row and one target row per sample.
//
// For classification, Targets are one-hot rows, Labels holds the class index of
// every sample and Classes the class names; for regression Labels and Classes are
// nil. Features optionally names the input columns.
//
// Methods that select or reorder rows (Split, Shuffle, Subset) return a new
// Dataset and leave the receiver alone; the new Dataset shares the row slices
// with the original, so treat rows as read-only.
type Dataset struct {
	Name     string
	Inputs   [][]float64 // one row per sample
	Targets  [][]float64 // one row per sample (one-hot for classification)
	Labels   []int       // class index per sample; nil for regression
	Classes  []string    // class names; nil for regression
	Features []string    // input names; may be nil
}

// Len returns the number of samples.
func (d *Dataset) Len() int {
	if d == nil {
		return 0
	}
	return len(d.Inputs)
}

// NumInputs returns the width of an input row (0 for an empty data set).
func (d *Dataset) NumInputs() int {
	if d.Len() == 0 {
		return len(d.Features)
	}
	return len(d.Inputs[0])
}

// NumOutputs returns the width of a target row (0 for an empty data set).
func (d *Dataset) NumOutputs() int {
	if d == nil || len(d.Targets) == 0 {
		return 0
	}
	return len(d.Targets[0])
}

// String describes the data set on one line, for example
//
//	Dataset "iris": 150 rows, 4 inputs → 3 outputs, classes [setosa versicolor virginica]
func (d *Dataset) String() string {
	if d == nil {
		return "Dataset(nil)"
	}
	var b strings.Builder
	fmt.Fprintf(&b, "Dataset %q: %d %s, %d %s → %d %s", d.Name,
		d.Len(), dataPlural(d.Len(), "row", "rows"),
		d.NumInputs(), dataPlural(d.NumInputs(), "input", "inputs"),
		d.NumOutputs(), dataPlural(d.NumOutputs(), "output", "outputs"))
	if d.Classes != nil {
		const max = 12
		if len(d.Classes) <= max {
			fmt.Fprintf(&b, ", classes [%s]", strings.Join(d.Classes, " "))
		} else {
			fmt.Fprintf(&b, ", %d classes [%s …]", len(d.Classes), strings.Join(d.Classes[:max], " "))
		}
	} else {
		b.WriteString(", regression")
	}
	return b.String()
}

func dataPlural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// Head returns the first n rows as an aligned table (inputs, then targets,
// then the class name when there is one), for looking at data at a prompt.
// Wide data sets show their first 8 inputs and, when they have class names,
// no target columns (the class says it).
func (d *Dataset) Head(n int) string {
	n = max(0, min(n, d.Len()))
	const maxInputs = 8
	ni, nt := d.NumInputs(), d.NumOutputs()
	hasClass := d.Classes != nil && d.Labels != nil
	shown := ni
	if ni > maxInputs+2 {
		shown = maxInputs
	}
	if hasClass && nt > 4 {
		nt = 0
	}
	var header []string
	for j := 0; j < shown; j++ {
		if j < len(d.Features) {
			header = append(header, d.Features[j])
		} else {
			header = append(header, fmt.Sprintf("x%d", j))
		}
	}
	if shown < ni {
		header = append(header, fmt.Sprintf("… %d more", ni-shown))
	}
	for j := 0; j < nt; j++ {
		header = append(header, fmt.Sprintf("t%d", j))
	}
	if hasClass {
		header = append(header, "class")
	}
	rows := [][]string{header}
	for i := 0; i < n; i++ {
		var r []string
		for _, v := range d.Inputs[i][:shown] {
			r = append(r, fmt.Sprintf("%.4g", v))
		}
		if shown < ni {
			r = append(r, "…")
		}
		for _, v := range d.Targets[i][:nt] {
			r = append(r, fmt.Sprintf("%.4g", v))
		}
		if hasClass {
			r = append(r, d.className(d.Labels[i]))
		}
		rows = append(rows, r)
	}
	var b strings.Builder
	fmt.Fprintln(&b, d.String())
	b.WriteString(dataTable(rows, false))
	if n < d.Len() {
		fmt.Fprintf(&b, "… %d more rows\n", d.Len()-n)
	}
	return b.String()
}

func (d *Dataset) className(label int) string {
	if label >= 0 && label < len(d.Classes) {
		return d.Classes[label]
	}
	return fmt.Sprint(label)
}

// dataTable right-aligns the columns of rows (the first row is the header), the
// first one left-aligned when leftFirst, and returns the table with a trailing
// newline.
func dataTable(rows [][]string, leftFirst bool) string {
	var width []int
	for _, r := range rows {
		for j, c := range r {
			for len(width) <= j {
				width = append(width, 0)
			}
			if n := len([]rune(c)); n > width[j] {
				width[j] = n
			}
		}
	}
	var b strings.Builder
	for _, r := range rows {
		for j, c := range r {
			pad := strings.Repeat(" ", width[j]-len([]rune(c)))
			if j > 0 {
				b.WriteString("  ")
			}
			if j == 0 && leftFirst {
				b.WriteString(c + pad)
			} else {
				b.WriteString(pad + c)
			}
		}
		b.WriteString("\n")
	}
	// Trim trailing spaces a left-aligned last column could leave.
	lines := strings.Split(b.String(), "\n")
	for i := range lines {
		lines[i] = strings.TrimRight(lines[i], " ")
	}
	return strings.Join(lines, "\n")
}

// Validate checks that the data set is consistent: as many target rows (and
// labels, when present) as input rows, every input row and every target row of
// the same width, labels inside Classes, and no NaN or infinite value.
func (d *Dataset) Validate() error {
	if d == nil {
		return fmt.Errorf("dataset is nil")
	}
	name := d.Name
	if name == "" {
		name = "dataset"
	}
	if len(d.Targets) != len(d.Inputs) {
		return fmt.Errorf("%s: %d input rows but %d target rows", name, len(d.Inputs), len(d.Targets))
	}
	if d.Labels != nil && len(d.Labels) != len(d.Inputs) {
		return fmt.Errorf("%s: %d input rows but %d labels", name, len(d.Inputs), len(d.Labels))
	}
	if d.Features != nil && len(d.Inputs) > 0 && len(d.Features) != len(d.Inputs[0]) {
		return fmt.Errorf("%s: %d feature names but rows have %d inputs", name, len(d.Features), len(d.Inputs[0]))
	}
	for i := range d.Inputs {
		if len(d.Inputs[i]) != len(d.Inputs[0]) {
			return fmt.Errorf("%s: row %d has %d inputs, row 0 has %d", name, i, len(d.Inputs[i]), len(d.Inputs[0]))
		}
		if len(d.Targets[i]) != len(d.Targets[0]) {
			return fmt.Errorf("%s: row %d has %d targets, row 0 has %d", name, i, len(d.Targets[i]), len(d.Targets[0]))
		}
		for j, v := range d.Inputs[i] {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				return fmt.Errorf("%s: row %d input %d is %v", name, i, j, v)
			}
		}
		for j, v := range d.Targets[i] {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				return fmt.Errorf("%s: row %d target %d is %v", name, i, j, v)
			}
		}
		if d.Labels != nil && d.Classes != nil {
			if l := d.Labels[i]; l < 0 || l >= len(d.Classes) {
				return fmt.Errorf("%s: row %d has label %d, want 0..%d (%d classes)", name, i, l, len(d.Classes)-1, len(d.Classes))
			}
		}
	}
	return nil
}

// Subset returns the rows at the given indices, in that order, as a new Dataset
// sharing the row slices with d. It panics, naming the index, when an index is
// out of range.
func (d *Dataset) Subset(indices []int) *Dataset {
	out := &Dataset{
		Name:     d.Name,
		Inputs:   make([][]float64, len(indices)),
		Targets:  make([][]float64, len(indices)),
		Classes:  d.Classes,
		Features: d.Features,
	}
	if d.Labels != nil {
		out.Labels = make([]int, len(indices))
	}
	for k, i := range indices {
		if i < 0 || i >= d.Len() {
			panic(fmt.Sprintf("nnlib: Subset: index %d (position %d) is outside 0..%d", i, k, d.Len()-1))
		}
		out.Inputs[k] = d.Inputs[i]
		out.Targets[k] = d.Targets[i]
		if d.Labels != nil {
			out.Labels[k] = d.Labels[i]
		}
	}
	return out
}

// Shuffle returns the rows of d in an order drawn from seed (the same seed gives
// the same order, every time). d itself is unchanged.
func (d *Dataset) Shuffle(seed int64) *Dataset {
	return d.Subset(rand.New(rand.NewSource(seed)).Perm(d.Len()))
}

// Split shuffles the rows with seed and cuts them in two: train gets
// round(frac × Len) rows, test the rest. Names get the suffixes "-train" and
// "-test". d is unchanged. It panics when frac is not between 0 and 1.
func (d *Dataset) Split(frac float64, seed int64) (train, test *Dataset) {
	if !(frac >= 0 && frac <= 1) {
		panic(fmt.Sprintf("nnlib: Split: frac must be between 0 and 1, got %v", frac))
	}
	perm := rand.New(rand.NewSource(seed)).Perm(d.Len())
	k := int(math.Round(frac * float64(d.Len())))
	train, test = d.Subset(perm[:k]), d.Subset(perm[k:])
	train.Name, test.Name = d.Name+"-train", d.Name+"-test"
	return train, test
}

// OneHot turns class indices into one-hot rows of width n: label 2 of 3
// becomes [0 0 1]. It panics, naming the position, when a label is outside
// 0..n-1.
func OneHot(labels []int, n int) [][]float64 {
	if n < 1 {
		panic(fmt.Sprintf("nnlib: OneHot: need at least 1 class, got n=%d", n))
	}
	flat := make([]float64, len(labels)*n)
	rows := make([][]float64, len(labels))
	for i, l := range labels {
		if l < 0 || l >= n {
			panic(fmt.Sprintf("nnlib: OneHot: label %d at position %d is outside 0..%d", l, i, n-1))
		}
		rows[i] = flat[i*n : (i+1)*n : (i+1)*n]
		rows[i][l] = 1
	}
	return rows
}

// Scaler holds the per-input mean and standard deviation fitted by
// Dataset.Standardize, so that another data set (a test set, a new sample) can be
// transformed the same way.
type Scaler struct {
	Means []float64
	Stds  []float64 // population standard deviation; 1 where an input is constant
}

// String lists the fitted means and standard deviations.
func (s *Scaler) String() string {
	if s == nil {
		return "Scaler(nil)"
	}
	return fmt.Sprintf("Scaler(means=%.4g, stds=%.4g)", s.Means, s.Stds)
}

// Transform returns (x − mean) / std for every input of x; x is unchanged.
func (s *Scaler) Transform(x []float64) ([]float64, error) {
	if len(x) != len(s.Means) {
		return nil, fmt.Errorf("scaler was fitted on %d inputs but the row has %d values", len(s.Means), len(x))
	}
	out := make([]float64, len(x))
	for j, v := range x {
		out[j] = (v - s.Means[j]) / s.Stds[j]
	}
	return out, nil
}

// Apply returns a copy of d with every input row transformed; targets, labels and
// names are shared with d.
func (s *Scaler) Apply(d *Dataset) (*Dataset, error) {
	if d.Len() > 0 && d.NumInputs() != len(s.Means) {
		return nil, fmt.Errorf("scaler was fitted on %d inputs but %q has %d", len(s.Means), d.Name, d.NumInputs())
	}
	w := len(s.Means)
	flat := make([]float64, d.Len()*w)
	out := *d
	out.Inputs = make([][]float64, d.Len())
	for i, row := range d.Inputs {
		r := flat[i*w : (i+1)*w : (i+1)*w]
		for j, v := range row {
			r[j] = (v - s.Means[j]) / s.Stds[j]
		}
		out.Inputs[i] = r
	}
	return &out, nil
}

// Standardize fits a Scaler on d's inputs (z-score: mean 0, standard deviation 1
// per input) and returns the transformed copy together with the Scaler, so a test
// set can be transformed with the same numbers:
//
//	train, sc := train.Standardize()
//	test, _ = sc.Apply(test)
//
// d is unchanged.
func (d *Dataset) Standardize() (*Dataset, *Scaler) {
	w := d.NumInputs()
	s := &Scaler{Means: make([]float64, w), Stds: make([]float64, w)}
	n := float64(d.Len())
	for _, row := range d.Inputs {
		for j, v := range row {
			s.Means[j] += v
		}
	}
	for j := range s.Means {
		if n > 0 {
			s.Means[j] /= n
		}
	}
	for _, row := range d.Inputs {
		for j, v := range row {
			s.Stds[j] += float64((v - s.Means[j]) * (v - s.Means[j]))
		}
	}
	for j := range s.Stds {
		if n > 0 {
			s.Stds[j] = math.Sqrt(s.Stds[j] / n)
		}
		if s.Stds[j] == 0 {
			s.Stds[j] = 1
		}
	}
	out, err := s.Apply(d)
	if err != nil { // cannot happen: s was fitted on d
		panic(err)
	}
	return out, s
}

// labelsOf returns d.Labels, or labels derived from the targets when d has none:
// the argmax of each target row, or for one-column targets 1 when the target is at
// least 0.5.
func (d *Dataset) labelsOf() []int {
	if d.Labels != nil {
		return d.Labels
	}
	out := make([]int, d.Len())
	for i, t := range d.Targets {
		out[i] = Class(t)
	}
	return out
}
