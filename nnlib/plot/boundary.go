package plot

import (
	"fmt"
	"image/color"
	"math"
	"strconv"

	"github.com/nnbook/nnbook/nnlib"
	gplot "gonum.org/v1/plot"
	"gonum.org/v1/plot/palette"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// BoundaryResolution is the number of grid cells along each axis of a
// decision-boundary heat map: the network is evaluated at 100×100 points.
const BoundaryResolution = 100

// probGrid is the network's output over a regular grid: a GridXYZ.
type probGrid struct {
	xs, ys []float64
	z      [][]float64 // z[row][col]
}

func (g *probGrid) Dims() (c, r int)   { return len(g.xs), len(g.ys) }
func (g *probGrid) Z(c, r int) float64 { return g.z[r][c] }
func (g *probGrid) X(c int) float64    { return g.xs[c] }
func (g *probGrid) Y(r int) float64    { return g.ys[r] }

// boundaryPanel is a decision-boundary plot.
type boundaryPanel struct {
	title          string
	xlabel, ylabel string
	grid           *probGrid
	nclass         int      // 2: z is P(class 1); more: z is the predicted class
	points         []Series // one per class, then "misclassified" when wrong
	wrong          bool
}

func (b *boundaryPanel) series() []Series        { return b.points }
func (b *boundaryPanel) describe() (string, int) { return "boundary", 1 }

// classScore turns a network output into the heat map value: P(class 1)
// for two classes (one output ≥ 0.5, or output 1 over output 0), the
// predicted class (argmax) for more.
func classScore(out []float64) float64 {
	switch len(out) {
	case 0:
		return math.NaN()
	case 1:
		return out[0]
	case 2:
		a, b := out[0], out[1]
		if a >= 0 && b >= 0 && a+b > 0 {
			return b / (a + b)
		}
		return 1 / (1 + math.Exp(a-b)) // logits
	}
	best := 0
	for i, v := range out {
		if v > out[best] {
			best = i
		}
	}
	return float64(best)
}

// boundaryFigure evaluates predict over the plane around inputs and puts
// the labelled points on top.
func boundaryFigure(title string, predict func([][]float64) ([][]float64, error), nout int,
	inputs [][]float64, labels []int, classes []string, xlabel, ylabel string) *Figure {
	if len(inputs) == 0 {
		return errFigure(title, fmt.Errorf("plot.Boundary: the data set has no rows"))
	}
	if labels != nil && len(labels) != len(inputs) {
		return errFigure(title, fmt.Errorf("plot.Boundary: %d rows but %d labels", len(inputs), len(labels)))
	}
	xmin, xmax := math.Inf(1), math.Inf(-1)
	ymin, ymax := math.Inf(1), math.Inf(-1)
	for i, in := range inputs {
		if len(in) != 2 {
			return errFigure(title, fmt.Errorf("plot.Boundary: row %d has %d inputs; a decision boundary needs exactly 2", i, len(in)))
		}
		if !finite(in[0]) || !finite(in[1]) {
			continue
		}
		xmin, xmax = math.Min(xmin, in[0]), math.Max(xmax, in[0])
		ymin, ymax = math.Min(ymin, in[1]), math.Max(ymax, in[1])
	}
	if xmin > xmax {
		return errFigure(title, fmt.Errorf("plot.Boundary: no row has finite inputs"))
	}
	pad := func(lo, hi float64) (float64, float64) {
		m := 0.1 * (hi - lo)
		if m == 0 {
			m = 0.5
		}
		return lo - m, hi + m
	}
	xmin, xmax = pad(xmin, xmax)
	ymin, ymax = pad(ymin, ymax)
	// Room at the top for the legend (2 or 3 rows), clear of the data.
	ymax += 0.2 * (ymax - ymin)

	nclass := 2
	if nout > 2 {
		nclass = nout
	}
	for _, l := range labels {
		nclass = max(nclass, l+1)
	}
	n := BoundaryResolution
	g := &probGrid{xs: make([]float64, n), ys: make([]float64, n), z: make([][]float64, n)}
	for i := range n {
		g.xs[i] = xmin + (xmax-xmin)*(float64(i)+0.5)/float64(n)
		g.ys[i] = ymin + (ymax-ymin)*(float64(i)+0.5)/float64(n)
	}
	plane := make([][]float64, 0, n*n)
	for r := range n {
		for c := range n {
			plane = append(plane, []float64{g.xs[c], g.ys[r]})
		}
	}
	outs, err := predict(plane)
	if err != nil {
		return errFigure(title, fmt.Errorf("plot.Boundary: %w", err))
	}
	if len(outs) != len(plane) {
		return errFigure(title, fmt.Errorf("plot.Boundary: %d predictions for %d grid points", len(outs), len(plane)))
	}
	for r := range n {
		g.z[r] = make([]float64, n)
		for c := range n {
			g.z[r][c] = classScore(outs[r*n+c])
		}
	}

	b := &boundaryPanel{title: title, xlabel: xlabel, ylabel: ylabel, grid: g, nclass: nclass}
	byClass := make([]Series, nclass)
	for k := range byClass {
		name := fmt.Sprintf("class %d", k)
		if k < len(classes) && classes[k] != "" {
			name = classes[k]
			if _, err := strconv.Atoi(name); err == nil {
				name = "class " + name // "class 1", not a bare "1"
			}
		}
		byClass[k] = Series{Name: name, MarkX: math.NaN(), MarkY: math.NaN()}
	}
	for i, p := range inputs {
		k := 0
		if labels != nil {
			k = labels[i]
		}
		if k < 0 || k >= nclass || !finite(p[0]) || !finite(p[1]) {
			byClass[max(0, min(k, nclass-1))].Dropped++
			continue
		}
		byClass[k].X = append(byClass[k].X, p[0])
		byClass[k].Y = append(byClass[k].Y, p[1])
	}
	b.points = byClass
	if labels == nil {
		b.points = byClass[:1]
		b.points[0].Name = "data"
	} else {
		// Ring the points the network gets wrong.
		preds, err := predict(inputs)
		if err != nil {
			return errFigure(title, fmt.Errorf("plot.Boundary: %w", err))
		}
		wrong := Series{Name: "misclassified", MarkX: math.NaN(), MarkY: math.NaN()}
		for i, p := range inputs {
			if i < len(preds) && finite(p[0]) && finite(p[1]) && nnlib.Class(preds[i]) != labels[i] {
				wrong.X = append(wrong.X, p[0])
				wrong.Y = append(wrong.Y, p[1])
			}
		}
		if len(wrong.X) > 0 {
			b.points = append(b.points, wrong)
			b.wrong = true
		}
	}
	return newFigure(title, 560, 520, b)
}

// classTint is the light background colour of class k.
func classTint(k int) color.RGBA { return mix(white, Color(k), 0.45) }

func (b *boundaryPanel) build() (*gplot.Plot, error) {
	p := newPlot()
	p.Title.Text = b.title
	p.X.Label.Text = b.xlabel
	p.Y.Label.Text = b.ylabel

	var hm *plotter.HeatMap
	if b.nclass == 2 {
		// Class 0 tint → white at the boundary (0.5) → class 1 tint.
		const steps = 64
		cols := make([]color.Color, steps)
		for i := range cols {
			t := float64(i) / float64(steps-1)
			if t < 0.5 {
				cols[i] = mix(classTint(0), white, t*2)
			} else {
				cols[i] = mix(white, classTint(1), t*2-1)
			}
		}
		hm = plotter.NewHeatMap(b.grid, paletteOf(cols))
		hm.Min, hm.Max = 0, 1
		hm.Underflow, hm.Overflow = cols[0], cols[steps-1]
	} else {
		cols := make([]color.Color, b.nclass)
		for k := range cols {
			cols[k] = classTint(k)
		}
		hm = plotter.NewHeatMap(b.grid, paletteOf(cols))
		hm.Min, hm.Max = 0, float64(b.nclass-1)
	}
	hm.NaN = color.Gray{Y: 0xdd}
	hm.Rasterized = true
	p.Add(hm)
	if b.nclass == 2 {
		ct := plotter.NewContour(b.grid, []float64{0.5}, nil)
		ct.LineStyles = []draw.LineStyle{{Color: color.Gray{Y: 0x40}, Width: vg.Points(1)}}
		ct.Min, ct.Max = 0, 1
		p.Add(ct)
	}
	lg := newLegend(true)
	for k, s := range b.points {
		if len(s.X) == 0 {
			continue
		}
		xys := make(plotter.XYs, len(s.X))
		for i := range s.X {
			xys[i] = plotter.XY{X: s.X[i], Y: s.Y[i]}
		}
		sc, err := plotter.NewScatter(xys)
		if err != nil {
			return nil, fmt.Errorf("plot.Boundary: %s points: %v", s.Name, err)
		}
		sc.GlyphStyle = draw.GlyphStyle{Color: Color(k), Radius: vg.Points(3), Shape: dot{}}
		if b.wrong && k == len(b.points)-1 {
			sc.GlyphStyle = draw.GlyphStyle{Color: black, Radius: vg.Points(5.5), Shape: ring{}}
		}
		p.Add(sc)
		lg.add(s.Name, sc)
	}
	p.Add(lg)
	// The heat map fills the padded data range exactly: no axis padding.
	p.X.Padding, p.Y.Padding = 0, 0
	p.X.Min, p.X.Max = b.grid.xs[0]-(b.grid.xs[1]-b.grid.xs[0])/2, b.grid.xs[len(b.grid.xs)-1]+(b.grid.xs[1]-b.grid.xs[0])/2
	p.Y.Min, p.Y.Max = b.grid.ys[0]-(b.grid.ys[1]-b.grid.ys[0])/2, b.grid.ys[len(b.grid.ys)-1]+(b.grid.ys[1]-b.grid.ys[0])/2
	return p, nil
}

// paletteOf turns colours into a gonum palette.
type paletteOf []color.Color

// Colors implements palette.Palette.
func (p paletteOf) Colors() []color.Color { return p }

var _ palette.Palette = paletteOf(nil)

// dot is a filled circle with a thin white rim: readable on any tint.
type dot struct{}

// DrawGlyph implements draw.GlyphDrawer.
func (dot) DrawGlyph(c *draw.Canvas, sty draw.GlyphStyle, pt vg.Point) {
	var p vg.Path
	p.Move(vg.Point{X: pt.X + sty.Radius, Y: pt.Y})
	p.Arc(pt, sty.Radius, 0, 2*math.Pi)
	p.Close()
	c.SetColor(sty.Color)
	c.Fill(p)
	c.SetLineStyle(draw.LineStyle{Color: white, Width: vg.Points(0.6)})
	c.Stroke(p)
}

// ring is an open circle drawn with a 1.2-point pen.
type ring struct{}

// DrawGlyph implements draw.GlyphDrawer.
func (ring) DrawGlyph(c *draw.Canvas, sty draw.GlyphStyle, pt vg.Point) {
	var p vg.Path
	p.Move(vg.Point{X: pt.X + sty.Radius, Y: pt.Y})
	p.Arc(pt, sty.Radius, 0, 2*math.Pi)
	p.Close()
	c.SetLineStyle(draw.LineStyle{Color: sty.Color, Width: vg.Points(1.2)})
	c.Stroke(p)
}

// Boundary draws what a 2-input classifier has learnt: a heat map of its
// output over the plane around the data (class 0 tint → white at the
// decision boundary → class 1 tint, with the 0.5 contour; for more classes,
// the tint of the predicted class) and the data points on top, coloured by
// class, misclassified ones ringed in black. Try it with nnlib.XOR(),
// nnlib.TwoMoons(200, 0.1, 1) or nnlib.Spirals(200, 0.05, 1).
func Boundary(n *nnlib.Network, d *nnlib.Dataset) *Figure {
	title := "Decision boundary"
	if d != nil && d.Name != "" {
		title += ": " + d.Name
	}
	switch {
	case n == nil:
		return errFigure(title, fmt.Errorf("plot.Boundary: the network is nil"))
	case d == nil:
		return errFigure(title, fmt.Errorf("plot.Boundary: the data set is nil"))
	case n.NumInputs() != 2:
		return errFigure(title, fmt.Errorf("plot.Boundary: the network takes %d inputs; a decision boundary needs exactly 2", n.NumInputs()))
	}
	labels := d.Labels
	if labels == nil && len(d.Targets) == len(d.Inputs) && len(d.Targets) > 0 {
		labels = make([]int, len(d.Targets))
		for i, t := range d.Targets {
			labels[i] = nnlib.Class(t)
		}
	}
	xlabel, ylabel := "x1", "x2"
	if len(d.Features) == 2 {
		xlabel, ylabel = d.Features[0], d.Features[1]
	}
	return boundaryFigure(title, n.PredictBatch, n.NumOutputs(), d.Inputs, labels, d.Classes, xlabel, ylabel)
}
