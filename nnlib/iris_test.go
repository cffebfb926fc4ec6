package nnlib

import (
	"math"
	"testing"
)

func TestIris(t *testing.T) {
	d := Iris()
	if err := d.Validate(); err != nil {
		t.Fatal(err)
	}
	if d.Len() != 150 {
		t.Fatalf("Iris has %d rows, want 150", d.Len())
	}
	counts := make([]int, 3)
	for i, l := range d.Labels {
		counts[l]++
		if want := i / 50; l != want { // rows are in class order, 50 each
			t.Fatalf("row %d: label %d, want %d", i, l, want)
		}
	}
	if counts[0] != 50 || counts[1] != 50 || counts[2] != 50 {
		t.Errorf("class counts %v, want 50/50/50", counts)
	}
	// Column means of Fisher's data (as in R's summary(iris)): 5.843, 3.057, 3.758,
	// 1.199. The UCI copy, with its two transcription errors, gives 3.054 for sepal
	// width, so this also checks rows 35 and 38.
	want := []float64{5.843, 3.057, 3.758, 1.199}
	// Column sums, exact to one decimal: 876.5, 458.6, 563.7, 179.9.
	wantSum := []float64{876.5, 458.6, 563.7, 179.9}
	for j := range want {
		var sum float64
		for _, row := range d.Inputs {
			sum += row[j]
		}
		if math.Abs(sum/150-want[j]) > 0.0005 {
			t.Errorf("%s: mean %.4f, want %.3f", d.Features[j], sum/150, want[j])
		}
		if math.Abs(sum-wantSum[j]) > 1e-9 {
			t.Errorf("%s: sum %.4f, want %.1f", d.Features[j], sum, wantSum[j])
		}
	}
	// Rows 35 and 38 (1-based) as Fisher printed them.
	for _, c := range []struct {
		row  int
		want []float64
	}{{35, []float64{4.9, 3.1, 1.5, 0.2}}, {38, []float64{4.9, 3.6, 1.4, 0.1}}, {150, []float64{5.9, 3.0, 5.1, 1.8}}} {
		for j, v := range c.want {
			if d.Inputs[c.row-1][j] != v {
				t.Errorf("row %d = %v, want %v", c.row, d.Inputs[c.row-1], c.want)
				break
			}
		}
	}
	// Iris() returns a fresh copy: changing one does not change the next.
	d.Inputs[0][0] = 99
	if Iris().Inputs[0][0] != 5.1 {
		t.Error("Iris() rows are shared between calls")
	}
}
