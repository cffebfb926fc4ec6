package plot

import (
	"fmt"
	"image/color"
	"math"
	"strconv"

	gplot "gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// Series is the data behind one curve (or one set of points) of a figure,
// after cleaning: X and Y hold exactly the points drawn.
type Series struct {
	Name string    // legend label: "train", "lr=0.5 validation", "class 1"
	X, Y []float64 // the points drawn, all finite

	// Dropped counts the points left out: NaN, ±Inf or beyond ±1e300
	// (overflow), and values ≤ 1e-300 on a logarithmic axis.
	Dropped int
	// Diverged is true when the data contained NaN, ±Inf or overflow: the
	// run blew up. A red ✗ labelled "diverged" marks (MarkX, MarkY), the
	// last finite point before the first bad one; MarkX is NaN when there
	// is no such point (the very first value is bad).
	Diverged     bool
	MarkX, MarkY float64
}

// String summarises the series: train: 100 points, y 0.693 → 0.0123.
func (s Series) String() string {
	out := fmt.Sprintf("%s: %d points", s.Name, len(s.X))
	if n := len(s.Y); n > 0 {
		out += fmt.Sprintf(", y %.3g → %.3g", s.Y[0], s.Y[n-1])
	}
	if s.Dropped > 0 {
		out += fmt.Sprintf(", %d dropped", s.Dropped)
	}
	if s.Diverged {
		out += ", diverged"
	}
	return out
}

// Values beyond ±huge count as overflow, like ±Inf (a diverged run); on a
// log axis, values ≤ tiny are dropped like zero. No axis can show them.
const (
	huge = 1e300
	tiny = 1e-300
)

// drawable reports whether v is finite and within ±huge.
func drawable(v float64) bool { return finite(v) && math.Abs(v) <= huge }

// rawSeries is a curve as given, before cleaning.
type rawSeries struct {
	name   string
	x, y   []float64
	color  color.RGBA
	dashed bool
}

// clean returns the drawable points of r: finite, and positive on a log axis.
func (r rawSeries) clean(logY bool) Series {
	s := Series{Name: r.name, MarkX: math.NaN(), MarkY: math.NaN()}
	n := min(len(r.x), len(r.y))
	s.X = make([]float64, 0, n)
	s.Y = make([]float64, 0, n)
	lastX, lastY, haveLast := 0.0, 0.0, false
	for i := range n {
		x, y := r.x[i], r.y[i]
		if !drawable(x) || !drawable(y) {
			s.Dropped++
			if !s.Diverged {
				s.Diverged = true
				if haveLast {
					s.MarkX, s.MarkY = lastX, lastY
				}
			}
			continue
		}
		if logY && y <= tiny {
			s.Dropped++
			continue
		}
		s.X = append(s.X, x)
		s.Y = append(s.Y, y)
		if !s.Diverged {
			lastX, lastY, haveLast = x, y, true
		}
	}
	return s
}

// curves is a panel of line plots: loss, accuracy or any values.
type curves struct {
	title, xlabel, ylabel string
	raw                   []rawSeries
	log                   int  // 0 automatic, +1 forced on, -1 forced off
	canLog                bool // false for accuracy: always linear in [0, 1]
	unit                  bool // y axis spans at least [0, 1]
	legendBottom          bool // legend in the lower right corner
	intX                  bool // x is an epoch or step number: integer ticks
}

// Decades is the span, in powers of ten, beyond which a loss axis turns
// logarithmic by itself: max/min > 10^Decades.
const Decades = 2

// logOn reports whether the y axis is logarithmic.
func (c *curves) logOn() bool {
	if !c.canLog || c.log < 0 {
		return false
	}
	lo, hi := math.Inf(1), math.Inf(-1)
	nonPositive := false
	for _, r := range c.raw {
		for _, y := range r.y {
			if !drawable(y) {
				continue
			}
			if y <= tiny {
				nonPositive = true
				continue
			}
			lo, hi = math.Min(lo, y), math.Max(hi, y)
		}
	}
	if lo > hi {
		return false // no positive value: a log axis has nothing to show
	}
	if c.log > 0 {
		return true
	}
	return !nonPositive && hi/lo > math.Pow(10, Decades)
}

func (c *curves) series() []Series {
	logY := c.logOn()
	out := make([]Series, len(c.raw))
	for i, r := range c.raw {
		out[i] = r.clean(logY)
	}
	return out
}

func (c *curves) describe() (string, int) { return "series", len(c.raw) }

// maxLinePoints bounds the points of one drawn line: longer series are
// thinned to the min and max of each bucket (the envelope stays exact), so
// a 100,000-step curve draws as fast as a 2,000-point one.
const maxLinePoints = 4000

// thin returns at most about maxLinePoints points of (xs, ys) keeping, in
// each of maxLinePoints/2 buckets, the smallest and the largest y in order.
func thin(xs, ys []float64) plotter.XYs {
	n := len(xs)
	if n <= maxLinePoints {
		out := make(plotter.XYs, n)
		for i := range n {
			out[i] = plotter.XY{X: xs[i], Y: ys[i]}
		}
		return out
	}
	buckets := maxLinePoints / 2
	out := make(plotter.XYs, 0, maxLinePoints+2)
	for b := range buckets {
		lo, hi := b*n/buckets, (b+1)*n/buckets
		imin, imax := lo, lo
		for i := lo; i < hi; i++ {
			if ys[i] < ys[imin] {
				imin = i
			}
			if ys[i] > ys[imax] {
				imax = i
			}
		}
		first, second := min(imin, imax), max(imin, imax)
		out = append(out, plotter.XY{X: xs[first], Y: ys[first]})
		if second != first {
			out = append(out, plotter.XY{X: xs[second], Y: ys[second]})
		}
	}
	return out
}

func (c *curves) build() (*gplot.Plot, error) {
	p := newPlot()
	p.Title.Text = c.title
	p.X.Label.Text = c.xlabel
	p.Y.Label.Text = c.ylabel
	grid := plotter.NewGrid()
	grid.Vertical.Color = color.Gray{Y: 0xe6}
	grid.Horizontal.Color = color.Gray{Y: 0xe6}
	p.Add(grid)

	logY := c.logOn()
	if logY {
		p.Y.Scale = gplot.LogScale{}
		p.Y.Tick.Marker = logTicks{}
	}
	if c.intX {
		p.X.Tick.Marker = intTicks{}
	}
	ss := c.series()
	legend := c.wantLegend(ss)
	lg := newLegend(!c.legendBottom)
	var marks plotter.XYs
	var markLabels []string
	for i, s := range ss {
		r := c.raw[i]
		line, err := plotter.NewLine(thin(s.X, s.Y))
		if err != nil {
			return nil, fmt.Errorf("plot: curve %q: %v", s.Name, err)
		}
		line.LineStyle = draw.LineStyle{Color: r.color, Width: vg.Points(1.5)}
		if r.dashed {
			line.LineStyle.Dashes = []vg.Length{vg.Points(6), vg.Points(3)}
		}
		p.Add(line)
		name := s.Name
		if s.Diverged {
			name += " (diverged)"
			if !math.IsNaN(s.MarkX) {
				marks = append(marks, plotter.XY{X: s.MarkX, Y: s.MarkY})
				markLabels = append(markLabels, "diverged")
			}
		}
		if name != "" {
			lg.add(name, line)
		}
	}
	if len(marks) > 0 {
		sc, err := plotter.NewScatter(marks)
		if err != nil {
			return nil, fmt.Errorf("plot: diverged marks: %v", err)
		}
		sc.GlyphStyle = draw.GlyphStyle{Color: red, Radius: vg.Points(5), Shape: thickCross{}}
		p.Add(sc)
		lb, err := plotter.NewLabels(plotter.XYLabels{XYs: marks, Labels: markLabels})
		if err != nil {
			return nil, fmt.Errorf("plot: diverged labels: %v", err)
		}
		for i := range lb.TextStyle {
			lb.TextStyle[i].Color = red
			lb.TextStyle[i].Font = sans(9)
		}
		lb.Offset = vg.Point{X: vg.Points(6), Y: vg.Points(4)}
		p.Add(lb)
	}
	if c.unit {
		p.Y.Min = math.Min(p.Y.Min, 0)
		p.Y.Max = math.Max(p.Y.Max, 1)
	}
	widen(&p.X, false)
	widen(&p.Y, logY)
	if legend {
		lg.Top, lg.Left = emptiestCorner(p, ss, lg.names, !c.legendBottom)
		lg.place()
		p.Add(lg) // last: over the curves
	}
	return p, nil
}

// wantLegend reports whether the curves need a legend: several curves, a
// diverged one, or one that carries a run's name.
func (c *curves) wantLegend(ss []Series) bool {
	for _, s := range ss {
		if s.Diverged {
			return true
		}
	}
	return len(ss) > 1 || (len(ss) == 1 && ss[0].Name != "" && ss[0].Name != c.ylabel && ss[0].Name != "train")
}

// thickCross is a ✗ glyph drawn with a 2-point pen (gonum's CrossGlyph is
// hairline-thin).
type thickCross struct{}

// DrawGlyph implements draw.GlyphDrawer.
func (thickCross) DrawGlyph(c *draw.Canvas, sty draw.GlyphStyle, pt vg.Point) {
	c.SetLineStyle(draw.LineStyle{Color: sty.Color, Width: vg.Points(2)})
	r := sty.Radius * 0.7071
	var p vg.Path
	p.Move(vg.Point{X: pt.X - r, Y: pt.Y - r})
	p.Line(vg.Point{X: pt.X + r, Y: pt.Y + r})
	p.Move(vg.Point{X: pt.X - r, Y: pt.Y + r})
	p.Line(vg.Point{X: pt.X + r, Y: pt.Y - r})
	c.Stroke(p)
}

// Values plots one curve from plain numbers, y against step 1, 2, …, n —
// for example the worked example's error after each of 10,000 updates.
// The name labels the y axis; the y axis turns logarithmic when the values
// span more than two decades.
func Values(name string, ys []float64) *Figure {
	xs := make([]float64, len(ys))
	for i := range xs {
		xs[i] = float64(i + 1)
	}
	f := Curves("step", name, Series{Name: name, X: xs, Y: ys})
	if c, ok := f.panels[0].(*curves); ok {
		c.intX = true
	}
	return f
}

// Curves plots any number of curves on one pair of axes, one colour each
// (Color(0), Color(1), …), with a legend when there are several. xlabel
// and ylabel name the axes. Only Name, X and Y of each Series are used;
// NaN/Inf points are dropped and marked, and the y axis turns logarithmic
// when the positive values span more than two decades.
func Curves(xlabel, ylabel string, ss ...Series) *Figure {
	c := &curves{xlabel: xlabel, ylabel: ylabel, canLog: true}
	for i, s := range ss {
		if len(s.X) != len(s.Y) {
			return errFigure(ylabel, fmt.Errorf("plot.Curves: series %q has %d x values but %d y values",
				s.Name, len(s.X), len(s.Y)))
		}
		c.raw = append(c.raw, rawSeries{name: s.Name, x: clone(s.X), y: clone(s.Y), color: Color(i)})
	}
	return newFigure("", 640, 480, c)
}

// clone copies xs, so a figure does not change when the caller's slice does.
func clone(xs []float64) []float64 { return append([]float64(nil), xs...) }

// logTicks marks powers of ten on a log axis, like gonum's LogTicks, but
// stays readable over many decades: at most about 8 labelled powers, and
// the 2..9 minor ticks only when they fit.
type logTicks struct{}

// Ticks implements gplot.Ticker.
func (logTicks) Ticks(lo, hi float64) []gplot.Tick {
	if !(lo > 0) || !(hi >= lo) || !finite(lo) || !finite(hi) {
		return nil
	}
	a, b := int(math.Floor(math.Log10(lo))), int(math.Ceil(math.Log10(hi)))
	step := max(1, (b-a+7)/8)
	var ticks []gplot.Tick
	for e := a; e <= b; e++ {
		v, _ := strconv.ParseFloat("1e"+strconv.Itoa(e), 64) // exact, unlike math.Pow
		if (e-a)%step == 0 {
			ticks = append(ticks, gplot.Tick{Value: v, Label: strconv.FormatFloat(v, 'g', -1, 64)})
		} else {
			ticks = append(ticks, gplot.Tick{Value: v})
		}
		if step == 1 && b-a <= 6 && e < b {
			for k := 2; k < 10; k++ {
				ticks = append(ticks, gplot.Tick{Value: v * float64(k)})
			}
		}
	}
	return ticks
}

// legend is a gonum legend drawn inside the data area, over a translucent
// white box so that curves running under it do not hide the text (gonum's
// own legend has no background).
type legend struct {
	gplot.Legend
	names []string
}

// newLegend returns an empty legend for the top (or bottom) right corner.
func newLegend(top bool) *legend {
	l := &legend{Legend: gplot.NewLegend()}
	l.TextStyle.Font = sans(10)
	l.Top = top
	l.Padding = vg.Points(2)
	l.place()
	return l
}

// place sets the offsets that keep the legend off the axes for its corner.
func (l *legend) place() {
	l.XOffs, l.YOffs = -vg.Points(6), -vg.Points(6)
	if l.Left {
		l.XOffs = vg.Points(6)
	}
	if !l.Top {
		l.YOffs = vg.Points(6)
	}
}

// emptiestCorner picks the corner of p's data area where a legend with
// these entries covers the least of the curves: the preferred top (or
// bottom) right corner unless another one is emptier.
func emptiestCorner(p *gplot.Plot, ss []Series, names []string, preferTop bool) (top, left bool) {
	longest := 0
	for _, n := range names {
		longest = max(longest, len([]rune(n)))
	}
	// The legend's share of a typical 500×380-point data area.
	w := math.Min(0.6, (float64(longest)*5.5+40)/500)
	h := math.Min(0.6, (float64(len(names))*13+12)/380)
	type corner struct{ top, left bool }
	corners := []corner{{preferTop, false}, {!preferTop, false}, {preferTop, true}, {!preferTop, true}}
	count := make([]int, len(corners))
	inside := func(x, y float64) {
		for i, c := range corners {
			inX := (c.left && x <= w) || (!c.left && x >= 1-w)
			inY := (c.top && y >= 1-h) || (!c.top && y <= h)
			if inX && inY {
				count[i]++
			}
		}
	}
	norm := func(s Series, i int) (float64, float64) { return p.X.Norm(s.X[i]), p.Y.Norm(s.Y[i]) }
	for _, s := range ss {
		step := max(1, len(s.X)/500)
		for i := 0; i < len(s.X); i += step {
			x, y := norm(s, i)
			inside(x, y)
			if j := i + step; j < len(s.X) { // points along the segment too
				x1, y1 := norm(s, j)
				for _, t := range []float64{0.25, 0.5, 0.75} {
					inside(x+(x1-x)*t, y+(y1-y)*t)
				}
			}
		}
	}
	best := 0
	for i := range corners {
		if count[i] < count[best] {
			best = i
		}
	}
	return corners[best].top, corners[best].left
}

func (l *legend) add(name string, thumbs ...gplot.Thumbnailer) {
	l.Legend.Add(name, thumbs...)
	l.names = append(l.names, name)
}

// Plot implements gplot.Plotter: the box, then gonum's legend.
func (l *legend) Plot(c draw.Canvas, _ *gplot.Plot) {
	if len(l.names) == 0 {
		return
	}
	sty := l.TextStyle
	var width, enth vg.Length
	for _, name := range l.names {
		width = max(width, l.ThumbnailWidth+sty.Rectangle(" "+name).Max.X)
		enth = max(enth, sty.Rectangle(name).Max.Y)
	}
	n := vg.Length(len(l.names))
	height := n*enth + (n-1)*l.Padding
	descent := sty.FontExtents().Descent
	var box vg.Rectangle
	if l.Left {
		box.Min.X = c.Min.X + l.XOffs
		box.Max.X = box.Min.X + width
	} else {
		box.Max.X = c.Max.X + l.XOffs
		box.Min.X = box.Max.X - width
	}
	if l.Top {
		box.Max.Y = c.Max.Y + l.YOffs - descent
		box.Min.Y = box.Max.Y - height
	} else {
		box.Min.Y = c.Min.Y + l.YOffs
		box.Max.Y = box.Min.Y + height
	}
	pad := vg.Points(4)
	box.Min.X -= pad
	box.Min.Y -= pad
	box.Max.X += pad
	box.Max.Y += pad
	c.SetColor(color.NRGBA{0xff, 0xff, 0xff, 0xd8})
	c.Fill(box.Path())
	c.SetLineStyle(draw.LineStyle{Color: color.Gray{Y: 0xcc}, Width: vg.Points(0.5)})
	c.Stroke(box.Path())
	l.Draw(c)
}

// intTicks are gonum's default ticks without fractions: epochs and steps
// are whole numbers.
type intTicks struct{}

// Ticks implements gplot.Ticker.
func (intTicks) Ticks(lo, hi float64) []gplot.Tick {
	var out []gplot.Tick
	labelled := 0
	for _, t := range (gplot.DefaultTicks{}).Ticks(lo, hi) {
		if t.Value != math.Trunc(t.Value) {
			continue
		}
		if t.Label != "" {
			labelled++
		}
		out = append(out, t)
	}
	if labelled >= 2 || hi-lo > 20 {
		return out
	}
	out = out[:0]
	for v := math.Ceil(lo); v <= hi; v++ {
		out = append(out, gplot.Tick{Value: v, Label: strconv.FormatFloat(v, 'f', -1, 64)})
	}
	return out
}

// widen gives an axis over a single value (or none) a range gonum can
// draw: gonum's own fix (±1) vanishes for large values, and goes negative
// on a log axis.
func widen(a *gplot.Axis, log bool) {
	lo, hi := a.Min, a.Max
	if !finite(lo) || !finite(hi) {
		return // no data: gonum draws an empty 0..1 axis
	}
	if log {
		if hi/lo < 1.01 {
			a.Min, a.Max = lo/2, hi*2
		}
		return
	}
	if hi-lo <= 1e-9*math.Max(math.Abs(lo), math.Abs(hi)) {
		d := math.Max(1, math.Abs(lo)/10)
		a.Min, a.Max = lo-d, hi+d
	}
}
