package nnlib

import (
	"math"
	"reflect"
	"strings"
	"testing"
)

func TestDatasetString(t *testing.T) {
	tests := []struct {
		d    *Dataset
		want string
	}{
		{XOR(), `Dataset "xor": 4 rows, 2 inputs → 1 output, classes [0 1]`},
		{WorkedExampleData(), `Dataset "worked-example": 1 row, 2 inputs → 2 outputs, regression`},
		{Iris(), `Dataset "iris": 150 rows, 4 inputs → 3 outputs, classes [setosa versicolor virginica]`},
		{&Dataset{}, `Dataset "": 0 rows, 0 inputs → 0 outputs, regression`},
		{nil, `Dataset(nil)`},
	}
	for _, tt := range tests {
		if got := tt.d.String(); got != tt.want {
			t.Errorf("String() = %q, want %q", got, tt.want)
		}
		if tt.d != nil {
			if err := tt.d.Validate(); err != nil {
				t.Errorf("%s: Validate: %v", tt.want, err)
			}
		}
	}
}

func TestDatasetHead(t *testing.T) {
	got := Iris().Head(2)
	want := `Dataset "iris": 150 rows, 4 inputs → 3 outputs, classes [setosa versicolor virginica]
sepal_length  sepal_width  petal_length  petal_width  t0  t1  t2   class
         5.1          3.5           1.4          0.2   1   0   0  setosa
         4.9            3           1.4          0.2   1   0   0  setosa
… 148 more rows
`
	if got != want {
		t.Errorf("Head(2) =\n%s\nwant\n%s", got, want)
	}
	// A wide data set shows its first inputs and its class only.
	wide := &Dataset{Name: "wide", Inputs: [][]float64{make([]float64, 20)}, Targets: OneHot([]int{7}, 10), Labels: []int{7},
		Classes: []string{"0", "1", "2", "3", "4", "5", "6", "7", "8", "9"}}
	got = wide.Head(5)
	want = `Dataset "wide": 1 row, 20 inputs → 10 outputs, classes [0 1 2 3 4 5 6 7 8 9]
x0  x1  x2  x3  x4  x5  x6  x7  … 12 more  class
 0   0   0   0   0   0   0   0          …      7
`
	if got != want {
		t.Errorf("wide Head =\n%s\nwant\n%s", got, want)
	}
}

func TestValidate(t *testing.T) {
	tests := []struct {
		name string
		d    *Dataset
		want string // substring of the error; "" = valid
	}{
		{"ok", XOR(), ""},
		{"targets", &Dataset{Inputs: [][]float64{{1}}, Targets: nil}, "1 input rows but 0 target rows"},
		{"labels", &Dataset{Inputs: [][]float64{{1}}, Targets: [][]float64{{1}}, Labels: []int{0, 1}}, "1 input rows but 2 labels"},
		{"ragged", &Dataset{Inputs: [][]float64{{1}, {1, 2}}, Targets: [][]float64{{1}, {1}}}, "row 1 has 2 inputs, row 0 has 1"},
		{"nan", &Dataset{Inputs: [][]float64{{math.NaN()}}, Targets: [][]float64{{1}}}, "row 0 input 0 is NaN"},
		{"label range", &Dataset{Inputs: [][]float64{{1}}, Targets: [][]float64{{1}}, Labels: []int{3}, Classes: []string{"a", "b"}}, "label 3, want 0..1"},
	}
	for _, tt := range tests {
		err := tt.d.Validate()
		switch {
		case tt.want == "" && err != nil:
			t.Errorf("%s: unexpected error %v", tt.name, err)
		case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
			t.Errorf("%s: error %v, want one containing %q", tt.name, err, tt.want)
		}
	}
}

func TestSplit(t *testing.T) {
	d := Iris()
	tests := []struct {
		frac             float64
		ntrain, ntest    int
		seed             int64
		trainName, tName string
	}{
		{0.8, 120, 30, 1, "iris-train", "iris-test"},
		{0.5, 75, 75, 2, "iris-train", "iris-test"},
		{0, 0, 150, 3, "iris-train", "iris-test"},
		{1, 150, 0, 4, "iris-train", "iris-test"},
		{0.333, 50, 100, 5, "iris-train", "iris-test"},
	}
	for _, tt := range tests {
		train, test := d.Split(tt.frac, tt.seed)
		if train.Len() != tt.ntrain || test.Len() != tt.ntest {
			t.Errorf("Split(%v): %d/%d rows, want %d/%d", tt.frac, train.Len(), test.Len(), tt.ntrain, tt.ntest)
		}
		if train.Name != tt.trainName || test.Name != tt.tName {
			t.Errorf("Split(%v): names %q %q", tt.frac, train.Name, test.Name)
		}
		// Every row appears exactly once, with its own label and target.
		seen := map[*float64]bool{}
		for _, part := range []*Dataset{train, test} {
			if err := part.Validate(); err != nil {
				t.Fatal(err)
			}
			for i, row := range part.Inputs {
				if seen[&row[0]] {
					t.Fatalf("Split(%v): row repeated", tt.frac)
				}
				seen[&row[0]] = true
				if part.Targets[i][part.Labels[i]] != 1 {
					t.Fatalf("Split(%v): row %d target %v does not match label %d", tt.frac, i, part.Targets[i], part.Labels[i])
				}
			}
		}
		if len(seen) != d.Len() {
			t.Errorf("Split(%v): %d distinct rows, want %d", tt.frac, len(seen), d.Len())
		}
	}
	// Same seed, same split; other seed, other split.
	a, _ := d.Split(0.8, 7)
	b, _ := d.Split(0.8, 7)
	c, _ := d.Split(0.8, 8)
	if !reflect.DeepEqual(a, b) {
		t.Error("Split with the same seed differs")
	}
	if reflect.DeepEqual(a.Labels, c.Labels) {
		t.Error("Split with different seeds gives the same labels")
	}
	// The receiver is unchanged.
	if !reflect.DeepEqual(d, Iris()) {
		t.Error("Split changed its receiver")
	}
}

func TestSplitPanics(t *testing.T) {
	for _, frac := range []float64{-0.1, 1.5, math.NaN()} {
		func() {
			defer func() {
				r := recover()
				if r == nil || !strings.Contains(r.(string), "frac must be between 0 and 1") {
					t.Errorf("Split(%v): panic %v", frac, r)
				}
			}()
			XOR().Split(frac, 1)
		}()
	}
}

func TestShuffleSubset(t *testing.T) {
	d := XOR()
	s := d.Shuffle(3)
	if !reflect.DeepEqual(s, d.Shuffle(3)) {
		t.Error("Shuffle is not deterministic")
	}
	if !reflect.DeepEqual(d, XOR()) {
		t.Error("Shuffle changed its receiver")
	}
	// Rows keep their targets.
	for i, in := range s.Inputs {
		want := 0.0
		if in[0] != in[1] {
			want = 1
		}
		if s.Targets[i][0] != want || s.Labels[i] != int(want) {
			t.Errorf("row %d: %v → %v label %d", i, in, s.Targets[i], s.Labels[i])
		}
	}
	sub := d.Subset([]int{3, 0})
	if !reflect.DeepEqual(sub.Inputs, [][]float64{{1, 1}, {0, 0}}) || !reflect.DeepEqual(sub.Labels, []int{0, 0}) {
		t.Errorf("Subset: %v %v", sub.Inputs, sub.Labels)
	}
	defer func() {
		if r := recover(); r == nil || !strings.Contains(r.(string), "index 4 (position 0) is outside 0..3") {
			t.Errorf("Subset out of range: panic %v", r)
		}
	}()
	d.Subset([]int{4})
}

func TestOneHot(t *testing.T) {
	got := OneHot([]int{2, 0, 1}, 3)
	want := [][]float64{{0, 0, 1}, {1, 0, 0}, {0, 1, 0}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("OneHot = %v, want %v", got, want)
	}
	// Rows must not alias each other through append.
	got[0] = append(got[0], 9)
	if got[1][0] != 1 {
		t.Error("appending to a OneHot row overwrote the next row")
	}
	defer func() {
		if r := recover(); r == nil || !strings.Contains(r.(string), "label 3 at position 1 is outside 0..2") {
			t.Errorf("OneHot out of range: panic %v", r)
		}
	}()
	OneHot([]int{0, 3}, 3)
}

func TestStandardize(t *testing.T) {
	d := Iris()
	train, test := d.Split(0.8, 1)
	before := append([]float64(nil), train.Inputs[0]...)
	st, sc := train.Standardize()
	if !reflect.DeepEqual(train.Inputs[0], before) {
		t.Error("Standardize changed its receiver")
	}
	for j := 0; j < 4; j++ {
		var mean, sq float64
		for _, row := range st.Inputs {
			mean += row[j]
		}
		mean /= float64(st.Len())
		for _, row := range st.Inputs {
			sq += (row[j] - mean) * (row[j] - mean)
		}
		if math.Abs(mean) > 1e-12 || math.Abs(math.Sqrt(sq/float64(st.Len()))-1) > 1e-12 {
			t.Errorf("input %d: mean %g std %g after Standardize", j, mean, math.Sqrt(sq/float64(st.Len())))
		}
	}
	tt, err := sc.Apply(test)
	if err != nil {
		t.Fatal(err)
	}
	x, _ := sc.Transform(test.Inputs[0])
	if !reflect.DeepEqual(tt.Inputs[0], x) {
		t.Errorf("Apply row 0 = %v, Transform = %v", tt.Inputs[0], x)
	}
	if _, err := sc.Transform([]float64{1}); err == nil || !strings.Contains(err.Error(), "fitted on 4 inputs but the row has 1 values") {
		t.Errorf("Transform wrong width: %v", err)
	}
	if _, err := sc.Apply(XOR()); err == nil || !strings.Contains(err.Error(), `fitted on 4 inputs but "xor" has 2`) {
		t.Errorf("Apply wrong width: %v", err)
	}
	// A constant column gets std 1, not a division by zero.
	_, sc = (&Dataset{Inputs: [][]float64{{1, 2}, {1, 4}}, Targets: [][]float64{{0}, {1}}}).Standardize()
	if !reflect.DeepEqual(sc.Stds, []float64{1, 1}) || !reflect.DeepEqual(sc.Means, []float64{1, 3}) {
		t.Errorf("constant column: %v", sc)
	}
	if got := sc.String(); got != "Scaler(means=[1 3], stds=[1 1])" {
		t.Errorf("Scaler.String() = %q", got)
	}
}
