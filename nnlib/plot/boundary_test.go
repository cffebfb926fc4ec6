package plot

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/nnbook/nnbook/nnlib"
)

// halfPlane returns a 2-1 sigmoid network that says class 1 when x > 0.5.
func halfPlane(t *testing.T) *nnlib.Network {
	t.Helper()
	n := nnlib.New(2, 1)
	for _, err := range []error{n.SetWeight(0, 0, 0, 20), n.SetWeight(0, 0, 1, 0), n.SetBias(0, 0, -10)} {
		if err != nil {
			t.Fatal(err)
		}
	}
	return n
}

// On XOR, "x > 0.5" gets (0,1) and (1,1) wrong: they are ringed.
func TestBoundaryXORHalfPlane(t *testing.T) {
	f := Boundary(halfPlane(t), nnlib.XOR())
	if err := f.Err(); err != nil {
		t.Fatal(err)
	}
	ss := f.Series()
	got := make([]string, len(ss))
	for i, s := range ss {
		got[i] = fmt.Sprintf("%s %v %v", s.Name, s.X, s.Y)
	}
	want := "class 0 [0 1] [0 1]; class 1 [0 1] [1 0]; misclassified [0 1] [1 1]"
	if strings.Join(got, "; ") != want {
		t.Fatalf("series:\n%s\nwant\n%s", strings.Join(got, "; "), want)
	}
	b := f.panels[0].(*boundaryPanel)
	g := b.grid
	c, r := g.Dims()
	if c != BoundaryResolution || r != BoundaryResolution {
		t.Fatalf("grid %d×%d", c, r)
	}
	// Left of x = 0.5 the output is below 0.5, right of it above.
	for col := range c {
		z := g.Z(col, r/2)
		if x := g.X(col); (x < 0.45 && z >= 0.5) || (x > 0.55 && z <= 0.5) {
			t.Fatalf("at x = %.3f the grid holds %.3f", x, z)
		}
	}
	img := decode(t, f)
	for k := range 2 {
		if n := countNear(img, classTint(k), 12); n < 2000 {
			t.Errorf("class %d tint covers only %d pixels", k, n)
		}
	}
	if got := f.String(); got != `Figure "Decision boundary: xor" 560×520 (1 boundary)` {
		t.Errorf("String() = %q", got)
	}
}

func TestBoundaryMoons(t *testing.T) {
	d := nnlib.TwoMoons(200, 0.1, 1)
	net := nnlib.New(2, 8, 2)
	if _, err := net.Fit(d, nnlib.FitOptions{Epochs: 30, BatchSize: 10}); err != nil {
		t.Fatal(err)
	}
	f := Boundary(net, d)
	ss := f.Series()
	if len(ss) < 2 || len(ss[0].X)+len(ss[1].X) != 200 {
		t.Fatalf("series %v: want the 200 points split by class", ss)
	}
	wrong := 0
	if len(ss) == 3 {
		wrong = len(ss[2].X)
	}
	// The ringed points are exactly those nnlib counts as wrong.
	if acc := nnlib.Accuracy(net, d); wrong != int(200*(1-acc)+0.5) {
		t.Fatalf("%d points ringed, but nnlib.Accuracy = %v", wrong, acc)
	}
	img := decode(t, f)
	for k := range 2 {
		if n := countNear(img, Color(k), 20); n < 200 {
			t.Errorf("class %d points: only %d pixels of %v", k, n, Color(k))
		}
	}
}

// Three outputs: the heat map shows the predicted class.
func TestBoundaryThreeClasses(t *testing.T) {
	pred := func(in [][]float64) ([][]float64, error) {
		out := make([][]float64, len(in))
		for i, p := range in {
			out[i] = []float64{p[0], p[1], 0.5}
		}
		return out, nil
	}
	inputs := [][]float64{{0, 0}, {1, 0}, {0, 1}}
	f := boundaryFigure("three", pred, 3, inputs, []int{2, 0, 1}, []string{"a", "b", "c"}, "x", "y")
	if got := len(f.Series()); got != 3 {
		t.Fatalf("%d series, want 3 classes (all right)", got)
	}
	img := decode(t, f)
	for k := range 3 {
		if n := countNear(img, classTint(k), 12); n < 1000 {
			t.Errorf("class %d region: %d pixels", k, n)
		}
	}
}

func TestBoundaryErrors(t *testing.T) {
	moons := nnlib.TwoMoons(10, 0, 1)
	tests := []struct {
		name string
		f    *Figure
		want string
	}{
		{"3 inputs", Boundary(nnlib.New(3, 2, 1), moons), "the network takes 3 inputs; a decision boundary needs exactly 2"},
		{"nil network", Boundary(nil, moons), "the network is nil"},
		{"nil data", Boundary(nnlib.New(2, 1), nil), "the data set is nil"},
		{"empty data", Boundary(nnlib.New(2, 1), &nnlib.Dataset{}), "the data set has no rows"},
	}
	for _, tc := range tests {
		if _, err := tc.f.PNG(); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: error = %v, want %q", tc.name, err, tc.want)
		}
	}
}

func TestClassScore(t *testing.T) {
	tests := []struct {
		out  []float64
		want float64
	}{
		{[]float64{0.7}, 0.7},
		{[]float64{0.2, 0.6}, 0.75},
		{[]float64{-1, 1}, 1 / (1 + 0.1353352832366127)}, // logits: σ(2)
		{[]float64{0.1, 0.7, 0.2}, 1},
	}
	for _, tc := range tests {
		if got := classScore(tc.out); !approx(got, tc.want, 1e-12) {
			t.Errorf("classScore(%v) = %v, want %v", tc.out, got, tc.want)
		}
	}
}

// A diverged network (NaN weights) still draws: grey plane, points on top.
func TestDivergedNetworkStillDraws(t *testing.T) {
	n := nnlib.New(2, 3, 1)
	if err := n.SetWeight(0, 1, 0, math.NaN()); err != nil {
		t.Fatal(err)
	}
	if err := n.SetWeight(1, 0, 2, math.Inf(1)); err != nil {
		t.Fatal(err)
	}
	for _, f := range []*Figure{Boundary(n, nnlib.XOR()), Network(n), NetworkBeforeAfter(nnlib.New(2, 3, 1), n)} {
		requireDrawn(t, decode(t, f), 2000)
	}
}
