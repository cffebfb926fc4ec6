package nnlib

import (
	"math"
	"testing"
)

// TestFitFullBatchPublished: the published variant on a full batch larger than
// one chunk is still the published variant — Fit equals one TrainBatch step
// over all rows, bit for bit, and differs from the exact algorithm.
func TestFitFullBatchPublished(t *testing.T) {
	d := bigData(2500, 2, 2)
	a, _ := Build([]int{2, 3, 2}, WithSharedBias(0.35, 0.6), WithLearningRate(0.5), WithPublishedVariant())
	b, exact := a.Clone(), a.Clone()
	exact.SetPublishedVariant(false)
	if _, err := a.Fit(d, FitOptions{Epochs: 1}); err != nil {
		t.Fatal(err)
	}
	if _, err := b.TrainBatch(d.Inputs, d.Targets); err != nil {
		t.Fatal(err)
	}
	if _, err := exact.Fit(d, FitOptions{Epochs: 1}); err != nil {
		t.Fatal(err)
	}
	same := true
	for i := 0; i < a.NumParams(); i++ {
		if math.Float64bits(a.Param(i)) != math.Float64bits(b.Param(i)) {
			t.Fatalf("%s: Fit %v, TrainBatch %v", a.ParamName(i), a.Param(i), b.Param(i))
		}
		same = same && a.Param(i) == exact.Param(i)
	}
	if same {
		t.Error("published and exact full-batch steps agree; the variant was ignored")
	}
}
