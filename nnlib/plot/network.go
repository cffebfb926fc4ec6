package plot

import (
	"fmt"
	"image/color"
	"math"
	"strconv"
	"strings"

	"github.com/nnbook/nnbook/nnlib"
	gplot "gonum.org/v1/plot"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// Layout limits of the network diagram.
const (
	// SmallLayer is the largest layer drawn with every weight written on
	// its connection; beyond it, line width and colour encode the weights.
	SmallLayer = 10
	// maxShown is the most neurons drawn in one column; larger layers show
	// their first and last neurons around a "⋮".
	maxShown = 16
)

// netSnap is a copy of a network's parameters taken when the figure is
// made, so training afterwards does not change the picture.
type netSnap struct {
	sizes []int
	w     [][][]float64 // w[l][to][from], l = 0 for input → first layer
	b     [][]float64   // b[l][neuron]
	acts  []string      // activation of each weight layer ("" unknown)
}

// arch returns "2-2-2".
func (s *netSnap) arch() string {
	parts := make([]string, len(s.sizes))
	for i, n := range s.sizes {
		parts[i] = strconv.Itoa(n)
	}
	return strings.Join(parts, "-")
}

// small reports whether every layer fits SmallLayer: weights are written.
func (s *netSnap) small() bool {
	for _, n := range s.sizes {
		if n > SmallLayer {
			return false
		}
	}
	return true
}

// maxAbs returns the largest |weight| (at least a tiny positive number).
func (s *netSnap) maxAbs() float64 {
	m := 1e-12
	for _, l := range s.w {
		for _, row := range l {
			for _, v := range row {
				if finite(v) {
					m = math.Max(m, math.Abs(v))
				}
			}
		}
	}
	return m
}

// shown returns the neuron indices drawn in a column of n neurons, with
// -1 for the "⋮" slot.
func shown(n int) []int {
	idx := make([]int, 0, min(n, maxShown))
	if n <= maxShown {
		for i := range n {
			idx = append(idx, i)
		}
		return idx
	}
	head := maxShown / 2
	for i := range head {
		idx = append(idx, i)
	}
	idx = append(idx, -1)
	for i := n - (maxShown - head - 1); i < n; i++ {
		idx = append(idx, i)
	}
	return idx
}

// neuronName returns "i1", "h2", "o1": the seed's names.
func neuronName(sizes []int, col, k int) string {
	switch col {
	case 0:
		return fmt.Sprintf("i%d", k+1)
	case len(sizes) - 1:
		return fmt.Sprintf("o%d", k+1)
	default:
		return fmt.Sprintf("h%d", k+1)
	}
}

// columnCaption returns "input", "hidden 1 · sigmoid (30)", "output · softmax".
func (s *netSnap) columnCaption(col int) string {
	L := len(s.sizes) - 1
	var name string
	switch col {
	case 0:
		name = "input"
	case L:
		name = "output"
	default:
		name = "hidden"
		if L > 2 {
			name = fmt.Sprintf("hidden %d", col)
		}
	}
	if col > 0 && s.acts[col-1] != "" {
		name += " · " + strings.ToLower(s.acts[col-1])
	}
	if s.sizes[col] > maxShown {
		name += fmt.Sprintf(" (%d)", s.sizes[col])
	}
	return name
}

// fmtNum writes a weight as the seed does, 0.15, 0.40, or with 3
// significant digits when it needs more: 0.359, -1.23, 0.000438.
func fmtNum(v float64) string {
	if a := math.Abs(v); a >= 0.01 && a < 10 && math.Abs(v*100-math.Round(v*100)) < 1e-9 {
		return strconv.FormatFloat(v, 'f', 2, 64)
	}
	return strconv.FormatFloat(v, 'g', 3, 64)
}

// netNode is a drawn circle.
type netNode struct {
	col, k int // column (layer) and neuron index; k = -1 for a bias node
	name   string
	x, y   float64 // position in layout units: x = column, y = row (0 at top)
	bias   float64 // the neuron's bias (fill tint in large diagrams)
	label  string  // extra text under a bias node: its shared value
}

// netEdge is a drawn connection.
type netEdge struct {
	from, to int // indices into nodes
	w        float64
	label    string // "w5 0.4", "0.4" or "" (large networks)
	bias     bool   // from a bias node: drawn dashed grey
}

// netLayout is the diagram in layout units, ready to draw.
type netLayout struct {
	title    string
	snap     *netSnap
	nodes    []netNode
	edges    []netEdge
	ellipses [][2]float64 // positions of "⋮"
	rows     float64      // rows used, for scaling
	scale    float64      // |w| that gets the widest line
	small    bool
}

// layout places the network's neurons and connections. scale is the |w|
// drawn with the widest line (0 = the network's own largest weight).
func layout(s *netSnap, title string, scale float64) *netLayout {
	lay := &netLayout{title: title, snap: s, small: s.small(), scale: scale}
	if lay.scale <= 0 {
		lay.scale = s.maxAbs()
	}
	named := true // "w5 0.4" as in the seed while every layer has ≤ 4 neurons
	for _, n := range s.sizes {
		if n > 4 {
			named = false
		}
	}
	tallest := 0
	for _, n := range s.sizes {
		tallest = max(tallest, len(shown(n)))
	}
	lay.rows = float64(tallest)
	// index[col][k] = node index of neuron k in column col, -1 if hidden.
	index := make([][]int, len(s.sizes))
	for col, n := range s.sizes {
		index[col] = make([]int, n)
		for k := range index[col] {
			index[col][k] = -1
		}
		idx := shown(n)
		top := (float64(tallest) - float64(len(idx))) / 2 // centre the column
		for slot, k := range idx {
			y := top + float64(slot)
			if k < 0 {
				lay.ellipses = append(lay.ellipses, [2]float64{float64(col), y})
				continue
			}
			node := netNode{col: col, k: k, name: neuronName(s.sizes, col, k), x: float64(col), y: y}
			if col > 0 {
				node.bias = s.b[col-1][k]
			}
			index[col][k] = len(lay.nodes)
			lay.nodes = append(lay.nodes, node)
		}
	}
	num := 0 // running weight number: w1, w2, … in the seed's order
	for l := range len(s.sizes) - 1 {
		nin, nout := s.sizes[l], s.sizes[l+1]
		for to := range nout {
			for from := range nin {
				num++
				a, b := index[l][from], index[l+1][to]
				if a < 0 || b < 0 {
					continue
				}
				e := netEdge{from: a, to: b, w: s.w[l][to][from]}
				if lay.small {
					e.label = fmtNum(e.w)
					if named {
						e.label = fmt.Sprintf("w%d %s", num, e.label)
					}
				}
				lay.edges = append(lay.edges, e)
			}
		}
	}
	if lay.small && !named {
		// Too many bias lines to label: write each bias under its neuron.
		for i, n := range lay.nodes {
			if n.col > 0 {
				lay.nodes[i].label = "b " + fmtNum(n.bias)
			}
		}
	}
	if lay.small && named {
		// Bias nodes, as in the seed's figure: b1 under the inputs feeds
		// the hidden layer, b2 under the hidden layer feeds the outputs.
		lay.rows++
		for l := range len(s.sizes) - 1 {
			bn := netNode{col: l, k: -1, name: fmt.Sprintf("b%d", l+1), x: float64(l), y: float64(tallest)}
			shared := true
			for _, v := range s.b[l] {
				if v != s.b[l][0] {
					shared = false
				}
			}
			if shared {
				bn.label = fmtNum(s.b[l][0])
			}
			bi := len(lay.nodes)
			lay.nodes = append(lay.nodes, bn)
			for to := range s.sizes[l+1] {
				e := netEdge{from: bi, to: index[l+1][to], w: s.b[l][to], bias: true}
				if !shared {
					e.label = fmtNum(e.w)
				}
				lay.edges = append(lay.edges, e)
			}
		}
	}
	return lay
}

// netPanel is one network diagram.
type netPanel struct{ lay *netLayout }

func (p *netPanel) series() []Series        { return nil }
func (p *netPanel) describe() (string, int) { return "network", 1 }

func (p *netPanel) build() (*gplot.Plot, error) {
	pl := newPlot()
	pl.Title.Text = p.lay.title
	pl.HideAxes()
	pl.Add(canvasPlotter(p.lay.draw))
	return pl, nil
}

// Node tints by column kind.
var (
	inputFill  = color.RGBA{0xe8, 0xf0, 0xe0, 0xff}
	hiddenFill = color.RGBA{0xdd, 0xe9, 0xf7, 0xff}
	outputFill = color.RGBA{0xfc, 0xe6, 0xd2, 0xff}
	biasFill   = color.RGBA{0xf2, 0xf2, 0xf2, 0xff}
)

// weightColor is blue for positive, red for negative weights, fading
// towards light grey as |w| shrinks in large diagrams.
func (lay *netLayout) weightColor(w float64) color.RGBA {
	base := blue
	if w < 0 {
		base = red
	}
	if lay.small || !finite(w) {
		return base
	}
	t := math.Min(1, math.Abs(w)/lay.scale)
	return mix(color.RGBA{0xdd, 0xdd, 0xdd, 0xff}, base, 0.25+0.75*t)
}

// weightWidth maps |w| to a line width.
func (lay *netLayout) weightWidth(w float64) vg.Length {
	if !finite(w) {
		return vg.Points(1)
	}
	t := math.Min(1, math.Abs(w)/lay.scale)
	if lay.small {
		return vg.Points(0.8 + 2.2*t)
	}
	return vg.Points(0.3 + 2.7*t)
}

// draw draws the layout into the plot's data area.
func (lay *netLayout) draw(c draw.Canvas, plt *gplot.Plot) {
	s := lay.snap
	cols := float64(len(s.sizes))
	header := vg.Points(16) // room for column captions
	area := c.Rectangle
	area.Max.Y -= header
	colW := (area.Max.X - area.Min.X) / vg.Length(cols)
	rowH := (area.Max.Y - area.Min.Y) / vg.Length(lay.rows)
	r := min(colW*0.16, rowH*0.36, vg.Points(18))
	r = max(r, vg.Points(2))
	at := func(x, y float64) vg.Point {
		return vg.Point{
			X: area.Min.X + colW*(vg.Length(x)+0.5),
			Y: area.Max.Y - rowH*(vg.Length(y)+0.5),
		}
	}
	txt := func(size vg.Length, clr color.Color) text.Style {
		return text.Style{Color: clr, Font: sans(size), XAlign: draw.XCenter, YAlign: draw.YCenter, Handler: plt.TextHandler}
	}
	// Column captions.
	for col := range s.sizes {
		sty := txt(10, black)
		sty.YAlign = draw.YTop
		c.FillText(sty, vg.Point{X: at(float64(col), 0).X, Y: c.Max.Y}, s.columnCaption(col))
	}
	// Connections under the nodes, then their labels on top of them.
	for _, e := range lay.edges {
		a, b := lay.nodes[e.from], lay.nodes[e.to]
		pa, pb := at(a.x, a.y), at(b.x, b.y)
		sty := draw.LineStyle{Color: lay.weightColor(e.w), Width: lay.weightWidth(e.w)}
		if e.bias {
			sty = draw.LineStyle{Color: grey, Width: vg.Points(0.8), Dashes: []vg.Length{vg.Points(3), vg.Points(2)}}
		}
		c.StrokeLine2(sty, pa.X, pa.Y, pb.X, pb.Y)
	}
	labelSize := vg.Points(9)
	if len(lay.edges) > 40 {
		labelSize = vg.Points(7)
	}
	// Obstacles for the labels: the neurons, then each label placed.
	var taken []vg.Rectangle
	for _, n := range lay.nodes {
		pt := at(n.x, n.y)
		taken = append(taken, vg.Rectangle{Min: vg.Point{X: pt.X - r, Y: pt.Y - r}, Max: vg.Point{X: pt.X + r, Y: pt.Y + r}})
	}
	for _, e := range lay.edges {
		if e.label == "" {
			continue
		}
		a, b := lay.nodes[e.from], lay.nodes[e.to]
		pa, pb := at(a.x, a.y), at(b.x, b.y)
		dist := vg.Length(math.Hypot(float64(pb.X-pa.X), float64(pb.Y-pa.Y)))
		if dist <= 2*r {
			continue
		}
		clr := lay.weightColor(e.w)
		if e.bias {
			clr = grey
		}
		sty := txt(labelSize, clr)
		box := sty.Rectangle(e.label)
		// A third of the way along the visible part of the line, from the
		// source, as in the seed's figure (clear of the crossing in the
		// middle) — or, when another label is there, the first free spot
		// further along; failing that, the least crowded one.
		bestPt, bestOverlap := vg.Point{}, vg.Length(-1)
		for _, f := range []vg.Length{0.3, 0.18, 0.42, 0.55, 0.68, 0.8} {
			t := (r + f*(dist-2*r)) / dist
			pt := vg.Point{X: pa.X + (pb.X-pa.X)*t, Y: pa.Y + (pb.Y-pa.Y)*t}
			rect := vg.Rectangle{Min: pt.Add(box.Min), Max: pt.Add(box.Max)}
			var overlap vg.Length
			for _, o := range taken {
				overlap += overlapArea(rect, o)
			}
			if bestOverlap < 0 || overlap < bestOverlap {
				bestPt, bestOverlap = pt, overlap
			}
			if overlap == 0 {
				break
			}
		}
		taken = append(taken, vg.Rectangle{Min: bestPt.Add(box.Min), Max: bestPt.Add(box.Max)})
		boxedText(c, sty, bestPt, e.label)
	}
	// Neurons.
	last := len(s.sizes) - 1
	for _, n := range lay.nodes {
		pt := at(n.x, n.y)
		fill := hiddenFill
		switch {
		case n.k < 0:
			fill = biasFill
		case n.col == 0:
			fill = inputFill
		case n.col == last:
			fill = outputFill
		}
		if !lay.small && n.col > 0 {
			// Large diagrams have no bias nodes: the fill shows the bias.
			fill = mix(white, lay.weightColor(n.bias), 0.5*math.Min(1, math.Abs(n.bias)/lay.scale))
		}
		var p vg.Path
		p.Move(vg.Point{X: pt.X + r, Y: pt.Y})
		p.Arc(pt, r, 0, 2*math.Pi)
		p.Close()
		c.SetColor(fill)
		c.Fill(p)
		c.SetLineStyle(draw.LineStyle{Color: black, Width: vg.Points(1)})
		c.Stroke(p)
		if r >= vg.Points(7) {
			c.FillText(txt(min(vg.Points(11), r*0.75), black), pt, n.name)
		}
		if n.label != "" {
			sty := txt(min(labelSize, 8), grey)
			sty.YAlign = draw.YTop
			boxedText(c, sty, vg.Point{X: pt.X, Y: pt.Y - r - vg.Points(2)}, n.label)
		}
	}
	for _, e := range lay.ellipses {
		// "⋮" drawn as three dots (Liberation Sans has no such glyph).
		pt := at(e[0], e[1])
		for _, dy := range []vg.Length{-r, 0, r} {
			var p vg.Path
			d := vg.Point{X: pt.X, Y: pt.Y + dy}
			p.Move(vg.Point{X: d.X + vg.Points(1.5), Y: d.Y})
			p.Arc(d, vg.Points(1.5), 0, 2*math.Pi)
			p.Close()
			c.SetColor(black)
			c.Fill(p)
		}
	}
}

// networkFigure draws one or more snapshots side by side, with a shared
// weight scale so that growth is visible from one panel to the next.
func networkFigure(title string, titles []string, snaps ...*netSnap) *Figure {
	scale := 0.0
	for _, s := range snaps {
		scale = math.Max(scale, s.maxAbs())
	}
	panels := make([]panel, len(snaps))
	width := 0
	for i, s := range snaps {
		panels[i] = &netPanel{lay: layout(s, titles[i], scale)}
		width += max(420, 170*len(s.sizes))
	}
	return newFigure(title, min(width, MaxSize), 480, panels...)
}

// boxedText writes s at pt over a nearly opaque white box, readable on top
// of the connections.
func boxedText(c draw.Canvas, sty text.Style, pt vg.Point, s string) {
	box := sty.Rectangle(s)
	pad := vg.Points(1.5)
	c.SetColor(color.NRGBA{0xff, 0xff, 0xff, 0xe0})
	c.Fill(vg.Rectangle{
		Min: vg.Point{X: pt.X + box.Min.X - pad, Y: pt.Y + box.Min.Y - pad},
		Max: vg.Point{X: pt.X + box.Max.X + pad, Y: pt.Y + box.Max.Y + pad},
	}.Path())
	c.FillText(sty, pt, s)
}

// Network draws n as the seed's figure does: neurons as labelled circles
// in columns (i1, h1, o1 …), the biases, and every connection coloured by
// the sign of its weight (blue positive, red negative) with a width growing
// with |w|. Networks with at most SmallLayer neurons a layer have every
// weight written on its connection ("w5 0.40" for the 2-2-2 worked
// example); larger layers show their first and last neurons around a "⋮".
// The figure is a snapshot: training n afterwards does not change it.
func Network(n *nnlib.Network) *Figure {
	if n == nil {
		return errFigure("Network", fmt.Errorf("plot.Network: the network is nil"))
	}
	s := snapshot(n)
	return networkFigure("Network "+s.arch(), []string{""}, s)
}

// NetworkBeforeAfter draws two states of one network side by side, with
// the same line scale, so that learning shows as lines changing colour and
// width. Take the first with Clone before training:
//
//	before := net.Clone()
//	net.Fit(data, opts)
//	plot.NetworkBeforeAfter(before, net)
func NetworkBeforeAfter(before, after *nnlib.Network) *Figure {
	const title = "Before and after training"
	if before == nil || after == nil {
		return errFigure(title, fmt.Errorf("plot.NetworkBeforeAfter: a network is nil"))
	}
	a, b := snapshot(before), snapshot(after)
	if a.arch() != b.arch() {
		return errFigure(title, fmt.Errorf("plot.NetworkBeforeAfter: the networks differ in shape: %s before, %s after", a.arch(), b.arch()))
	}
	return networkFigure(title, []string{"before", "after"}, a, b)
}

// snapshot copies n's parameters.
func snapshot(n *nnlib.Network) *netSnap {
	s := &netSnap{sizes: n.Sizes()}
	for l := range n.NumLayers() {
		s.w = append(s.w, n.Weights(l))
		s.b = append(s.b, n.Biases(l))
		s.acts = append(s.acts, string(n.LayerActivation(l)))
	}
	return s
}

// overlapArea returns the area two rectangles share (0 when apart).
func overlapArea(a, b vg.Rectangle) vg.Length {
	w := min(a.Max.X, b.Max.X) - max(a.Min.X, b.Min.X)
	h := min(a.Max.Y, b.Max.Y) - max(a.Min.Y, b.Min.Y)
	if w <= 0 || h <= 0 {
		return 0
	}
	return w * h
}
