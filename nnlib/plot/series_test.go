package plot

import (
	"encoding/binary"
	"math"
	"strings"
	"testing"
)

// The worked example's error falls from 0.298371109 (seed README, step 1) to
// 3.5101878e-05 after 10,000 updates (reference/blog-example.json): 3.9
// decades, so the axis must turn logarithmic by itself.
func TestValuesWorkedExampleCurveIsLog(t *testing.T) {
	ys := geometric(0.298371109, 3.5101878e-05, 10000)
	f := Values("E_total", ys).Title("Worked example")
	if !f.IsLogY() {
		t.Fatalf("%v: y axis is linear; the curve spans 0.298 → 3.5e-5, want log", f)
	}
	ss := f.Series()
	if len(ss) != 1 {
		t.Fatalf("got %d series, want 1", len(ss))
	}
	s := ss[0]
	if len(s.X) != 10000 || s.X[0] != 1 || s.X[9999] != 10000 {
		t.Fatalf("x = %d points from %v to %v, want steps 1..10000", len(s.X), s.X[0], s.X[len(s.X)-1])
	}
	if s.Y[0] != ys[0] || s.Y[9999] != ys[9999] || s.Dropped != 0 || s.Diverged {
		t.Fatalf("series %v: want the values unchanged", s)
	}
	img := decode(t, f)
	requireDrawn(t, img, 5000)
	if n := countNear(img, Color(0), 30); n < 300 {
		t.Errorf("only %d pixels of the curve's blue; want the curve drawn", n)
	}
	if got := f.String(); got != `Figure "Worked example" 640×480 (1 series)` {
		t.Errorf("String() = %q", got)
	}
}

func TestLogDecision(t *testing.T) {
	tests := []struct {
		name string
		ys   []float64
		log  int // 0 auto, +1 LogY(true), -1 LogY(false)
		want bool
	}{
		{"flat", []float64{0.5, 0.45, 0.42, 0.4}, 0, false},
		{"two decades exactly", []float64{1, 0.01}, 0, false},
		{"just over two decades", []float64{1, 0.0099}, 0, true},
		{"worked example", geometric(0.298, 3.5e-5, 50), 0, true},
		{"zero inside: cannot be log", []float64{1, 1e-4, 0}, 0, false},
		{"negative values", []float64{-1, 1e-4, 10}, 0, false},
		{"forced on, flat", []float64{0.5, 0.4}, 1, true},
		{"forced on, zero dropped", []float64{1, 0.1, 0}, 1, true},
		{"forced on, nothing positive", []float64{0, -1}, 1, false},
		{"forced off", geometric(1, 1e-6, 20), -1, false},
		{"NaN ignored", []float64{1, math.NaN(), 1e-3}, 0, true},
		{"empty", nil, 0, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f := Values("loss", tc.ys)
			switch tc.log {
			case 1:
				f.LogY(true)
			case -1:
				f.LogY(false)
			}
			if got := f.IsLogY(); got != tc.want {
				t.Fatalf("IsLogY() = %v, want %v for %v", got, tc.want, tc.ys)
			}
			if f.IsLogY() {
				for _, y := range f.Series()[0].Y {
					if y <= 0 {
						t.Fatalf("log axis keeps y = %v", y)
					}
				}
			}
			requireDrawn(t, decode(t, f), 1000) // every case renders
		})
	}
}

func TestNaNAndInfAreDroppedAndMarked(t *testing.T) {
	x := []float64{1, 2, 3, 4, 5, 6, 7, 8}
	diverging := []float64{1, 0.8, 0.9, 3, 40, math.Inf(1), math.NaN(), math.NaN()}
	fine := []float64{1, 0.6, 0.4, 0.3, 0.25, 0.22, 0.2, 0.19}
	f := Curves("epoch", "loss", Series{Name: "lr=2.0", X: x, Y: diverging}, Series{Name: "lr=0.5", X: x, Y: fine})
	ss := f.Series()
	d := ss[0]
	if !d.Diverged || d.Dropped != 3 || len(d.X) != 5 || d.MarkX != 5 || d.MarkY != 40 {
		t.Fatalf("diverged series = %+v; want 5 points kept, 3 dropped, mark at (5, 40)", d)
	}
	if ss[1].Diverged || ss[1].Dropped != 0 || len(ss[1].X) != 8 {
		t.Fatalf("finite series = %+v; want untouched", ss[1])
	}
	img := decode(t, f)
	if n := countNear(img, red, 30); n < 20 {
		t.Errorf("only %d red pixels; want the red ✗ and its label", n)
	}
	if n := countNear(img, Color(1), 30); n < 100 {
		t.Errorf("only %d orange pixels; want the second run's curve", n)
	}
}

func TestBadValuesNeverFail(t *testing.T) {
	nan, inf := math.NaN(), math.Inf(1)
	tests := []struct {
		name string
		ys   []float64
	}{
		{"all NaN", []float64{nan, nan, nan}},
		{"NaN first", []float64{nan, 1, 0.5}},
		{"-Inf", []float64{1, math.Inf(-1), 0.5}},
		{"single point", []float64{0.3}},
		{"empty", nil},
		{"huge", []float64{1e300, 1e-300, inf}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f := Values("loss", tc.ys)
			decode(t, f)
			if _, err := f.SVG(); err != nil {
				t.Fatalf("SVG: %v", err)
			}
			for _, y := range f.Series()[0].Y {
				if !finite(y) {
					t.Fatalf("series keeps %v", y)
				}
			}
		})
	}
}

func TestNaNFirstHasNoMark(t *testing.T) {
	s := Values("loss", []float64{math.NaN(), 1, 0.5}).Series()[0]
	if !s.Diverged || !math.IsNaN(s.MarkX) || len(s.Y) != 2 {
		t.Fatalf("got %+v; want diverged, no mark (no finite point before the NaN), 2 points", s)
	}
}

func TestThinKeepsEnvelope(t *testing.T) {
	n := 100000
	xs := make([]float64, n)
	ys := make([]float64, n)
	for i := range xs {
		xs[i] = float64(i)
		ys[i] = math.Sin(float64(i) / 50)
	}
	ys[12345] = 7  // a spike must survive thinning
	ys[54321] = -9 // and a dip
	pts := thin(xs, ys)
	if len(pts) > maxLinePoints+2 {
		t.Fatalf("thin kept %d points, want ≤ %d", len(pts), maxLinePoints+2)
	}
	var sawSpike, sawDip bool
	for i, p := range pts {
		if i > 0 && p.X <= pts[i-1].X {
			t.Fatalf("x not increasing at %d: %v after %v", i, p.X, pts[i-1].X)
		}
		sawSpike = sawSpike || p.Y == 7
		sawDip = sawDip || p.Y == -9
	}
	if !sawSpike || !sawDip {
		t.Fatalf("thinning lost the spike (%v) or the dip (%v)", sawSpike, sawDip)
	}
	if got := thin(xs[:10], ys[:10]); len(got) != 10 {
		t.Fatalf("short series thinned to %d points", len(got))
	}
}

func TestCurvesLengthMismatch(t *testing.T) {
	f := Curves("x", "y", Series{Name: "a", X: []float64{1, 2}, Y: []float64{1}})
	if _, err := f.PNG(); err == nil || !strings.Contains(err.Error(), "2 x values but 1 y values") {
		t.Fatalf("PNG error = %v; want the lengths named", err)
	}
}

func TestCurvesCopyTheData(t *testing.T) {
	ys := []float64{1, 2, 3}
	f := Values("y", ys)
	ys[0] = 100
	if got := f.Series()[0].Y[0]; got != 1 {
		t.Fatalf("figure changed with the caller's slice: y[0] = %v", got)
	}
}

func TestSeriesString(t *testing.T) {
	s := Values("loss", []float64{0.5, 0.25, math.NaN()}).Series()[0]
	if got, want := s.String(), "loss: 2 points, y 0.5 → 0.25, 1 dropped, diverged"; got != want {
		t.Fatalf("String() = %q, want %q", got, want)
	}
}

func TestLogTicks(t *testing.T) {
	tests := []struct {
		lo, hi       float64
		labels       string
		minorPresent bool
	}{
		{3.5e-5, 0.298, "1e-05 0.0001 0.001 0.01 0.1 1", true},
		{1e-300, 1e300, "1e-300 1e-225 1e-150 1e-75 1 1e+75 1e+150 1e+225 1e+300", false},
		{0.5, 0.9, "0.1 1", true},
	}
	for _, tc := range tests {
		var labels []string
		minor := false
		for _, tk := range (logTicks{}).Ticks(tc.lo, tc.hi) {
			if tk.Label != "" {
				labels = append(labels, tk.Label)
			} else if v := math.Log10(tk.Value); math.Abs(v-math.Round(v)) > 1e-9 {
				minor = true // 2..9 × 10^k, not a power of ten
			}
		}
		if got := strings.Join(labels, " "); got != tc.labels || minor != tc.minorPresent {
			t.Errorf("ticks(%g, %g) = %s (minor %v), want %s (minor %v)", tc.lo, tc.hi, got, minor, tc.labels, tc.minorPresent)
		}
	}
	if got := (logTicks{}).Ticks(0, 1); got != nil {
		t.Errorf("ticks(0, 1) = %v, want none", got)
	}
}

func TestLegendCorner(t *testing.T) {
	x := []float64{0, 1, 2, 3, 4}
	tests := []struct {
		name      string
		ys        []float64
		preferTop bool
		top, left bool
	}{
		{"falling loss: top right is free", []float64{1, 0.3, 0.1, 0.05, 0.04}, true, true, false},
		{"rising accuracy: bottom right is free", []float64{0.1, 0.7, 0.9, 0.95, 0.97}, false, false, false},
		{"rising loss: bottom right", []float64{0.1, 0.2, 0.4, 0.7, 1}, true, false, false},
		{"V shape: top corners busy", []float64{1, 0.5, 0, 0.5, 1}, true, false, false},
		{"Λ shape, bottom preferred: bottom corners busy", []float64{0, 0.5, 1, 0.5, 0}, false, true, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f := Curves("x", "y", Series{Name: "a", X: x, Y: tc.ys}, Series{Name: "b", X: x, Y: tc.ys})
			p := f.Plots()[0]
			top, left := emptiestCorner(p, f.Series(), []string{"a", "b"}, tc.preferTop)
			if top != tc.top || left != tc.left {
				t.Fatalf("corner top=%v left=%v, want top=%v left=%v", top, left, tc.top, tc.left)
			}
		})
	}
}

func TestIntTicks(t *testing.T) {
	for _, tc := range []struct{ lo, hi float64 }{{1, 3}, {1, 5}, {1, 10}, {1, 300}, {1, 10000}, {0.5, 2.5}} {
		var labels []string
		for _, tk := range (intTicks{}).Ticks(tc.lo, tc.hi) {
			if tk.Value != math.Trunc(tk.Value) {
				t.Errorf("ticks(%v, %v): fractional tick %v", tc.lo, tc.hi, tk.Value)
			}
			if tk.Label != "" {
				labels = append(labels, tk.Label)
			}
		}
		if len(labels) < 2 {
			t.Errorf("ticks(%v, %v): labels %v, want at least 2", tc.lo, tc.hi, labels)
		}
	}
	if got := len((intTicks{}).Ticks(1, 3)); got != 3 {
		t.Errorf("3 epochs get %d ticks, want 1, 2, 3", got)
	}
}

// A single named run keeps its name in a legend; a plain one has none.
func TestSingleSeriesLegend(t *testing.T) {
	named := history("lr=0.5", 5, decay(1), nil, nil)
	plain := history("", 5, decay(1), nil, nil)
	if got := names(Loss(named).Series()); got != "lr=0.5 train" {
		t.Fatalf("named run series = %q", got)
	}
	for _, tc := range []struct {
		f    *Figure
		want bool
	}{
		{Loss(named), true},
		{Loss(plain), false},
		{Loss(plain, named), true},
		{Values("loss", []float64{1, 2}), false},
		{Values("loss", []float64{1, math.NaN()}), true},
	} {
		c := tc.f.panels[0].(*curves)
		if got := c.wantLegend(c.series()); got != tc.want {
			t.Errorf("%v (%s): legend %v, want %v", tc.f, names(tc.f.Series()), got, tc.want)
		}
	}
}

// FuzzValues: any float64s — NaN, ±Inf, zeros, huge — plot without error
// on both a linear and a log axis, and the drawn points are finite.
func FuzzValues(f *testing.F) {
	enc := func(vs ...float64) []byte {
		b := make([]byte, 0, 8*len(vs))
		for _, v := range vs {
			b = binary.LittleEndian.AppendUint64(b, math.Float64bits(v))
		}
		return b
	}
	f.Add(enc(0.298, 0.1, 3.5e-5), false)
	f.Add(enc(math.NaN(), math.Inf(1), 0, -1), true)
	f.Add(enc(1e308, -1e308, 5e-324), true)
	f.Add(enc(), false)
	f.Fuzz(func(t *testing.T, data []byte, logY bool) {
		ys := make([]float64, 0, len(data)/8)
		for i := 0; i+8 <= len(data) && len(ys) < 64; i += 8 {
			ys = append(ys, math.Float64frombits(binary.LittleEndian.Uint64(data[i:])))
		}
		fig := Values("loss", ys).Size(160, 120).LogY(logY)
		if _, err := fig.PNG(); err != nil {
			t.Fatalf("Values(%v).LogY(%v): %v", ys, logY, err)
		}
		for _, s := range fig.Series() {
			for i := range s.Y {
				if !finite(s.X[i]) || !finite(s.Y[i]) || (fig.IsLogY() && s.Y[i] <= 0) {
					t.Fatalf("drawn point (%v, %v) with log %v", s.X[i], s.Y[i], fig.IsLogY())
				}
			}
		}
	})
}
