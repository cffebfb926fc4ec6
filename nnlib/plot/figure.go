package plot

import (
	"bytes"
	"fmt"
	"image/png"
	"math"
	"path/filepath"
	"strings"

	"github.com/nnbook/nnbook/nnlib"
	gplot "gonum.org/v1/plot"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
	"gonum.org/v1/plot/vg/vgsvg"

	"github.com/nnbook/nnbook/internal/atomicfile"
)

// DPI is the resolution of PNG output: a Figure of 640×480 pixels is drawn
// on a 480×360-point canvas, so 12-point text is 16 pixels high.
const DPI = 96

// Size limits, in pixels, accepted by Figure.Size.
const (
	MinSize = 32
	MaxSize = 8192
)

// Figure is a finished picture: one or more gonum plots (side by side when
// there are several), a title and a size in pixels. It renders itself as
// PNG or SVG; front ends show any value with a PNG method inline.
//
// The setters return the figure, so calls chain:
//
//	plot.Loss(h).Title("XOR, lr=0.5").Size(800, 400).Save("loss.png")
//
// A Figure is not safe for concurrent use.
type Figure struct {
	title         string
	width, height int
	cols          int // panels per row; 0 = all in one row
	panels        []panel
	cache         []*gplot.Plot
	err           error // reported by PNG, SVG and Save
}

// panel is one plot of a figure.
type panel interface {
	// build makes a fresh gonum plot.
	build() (*gplot.Plot, error)
	// series returns the data behind the plot's curves or points.
	series() []Series
	// describe says what the panel shows, for String: ("series", 3).
	describe() (what string, n int)
}

// newFigure returns a figure of w×h pixels showing the panels side by side.
func newFigure(title string, w, h int, panels ...panel) *Figure {
	return &Figure{title: title, width: w, height: h, panels: panels}
}

// errFigure returns a figure that cannot be drawn: PNG, SVG and Save
// return err, and String shows it.
func errFigure(title string, err error) *Figure {
	return &Figure{title: title, width: 640, height: 480, err: err}
}

// FromPlots wraps gonum plots you built yourself into a Figure (side by
// side when there are several), so they get PNG, SVG, Save and inline
// display. The plots are drawn as they are; Title sets the figure's title.
func FromPlots(ps ...*gplot.Plot) *Figure {
	panels := make([]panel, 0, len(ps))
	for i, p := range ps {
		if p == nil {
			return errFigure("", fmt.Errorf("plot.FromPlots: plot %d of %d is nil", i+1, len(ps)))
		}
		panels = append(panels, rawPanel{p})
	}
	if len(panels) == 0 {
		return errFigure("", fmt.Errorf("plot.FromPlots: no plots given"))
	}
	title := ""
	if len(ps) == 1 {
		title = ps[0].Title.Text
	}
	return newFigure(title, 640*len(ps), 480, panels...)
}

// rawPanel is a plot built by the user.
type rawPanel struct{ p *gplot.Plot }

func (r rawPanel) build() (*gplot.Plot, error) { return r.p, nil }
func (r rawPanel) series() []Series            { return nil }
func (r rawPanel) describe() (string, int)     { return "plot", 1 }

// Title sets the figure's title and returns the figure.
func (f *Figure) Title(title string) *Figure {
	f.title = title
	return f
}

// Size sets the figure's size in pixels (PNG; SVG uses the same size at 96
// pixels per inch) and returns the figure. Sizes outside MinSize..MaxSize
// leave the size unchanged and make PNG, SVG and Save report the mistake.
func (f *Figure) Size(width, height int) *Figure {
	if width < MinSize || width > MaxSize || height < MinSize || height > MaxSize {
		if f.err == nil {
			f.err = fmt.Errorf("plot: Size(%d, %d): width and height must be between %d and %d pixels",
				width, height, MinSize, MaxSize)
		}
		return f
	}
	f.width, f.height = width, height
	return f
}

// Columns sets how many panels go in one row (default: all in one row) and
// returns the figure.
func (f *Figure) Columns(n int) *Figure {
	if n > 0 {
		f.cols = n
	}
	return f
}

// LogY forces a logarithmic (true) or linear (false) y axis on the
// figure's loss panels and returns the figure. Without it the axis is
// logarithmic when the data spans more than two decades (max/min > 100).
// On a log axis, values ≤ 0 cannot be drawn and are dropped.
func (f *Figure) LogY(on bool) *Figure {
	for _, p := range f.panels {
		if c, ok := p.(*curves); ok && c.canLog {
			c.log = -1
			if on {
				c.log = 1
			}
		}
	}
	f.cache = nil
	return f
}

// IsLogY reports whether a panel of the figure has a logarithmic y axis,
// chosen automatically or by LogY.
func (f *Figure) IsLogY() bool {
	for _, p := range f.panels {
		if c, ok := p.(*curves); ok && c.logOn() {
			return true
		}
	}
	return false
}

// Series returns the data behind the figure's curves and points, panel
// after panel, after NaN/Inf filtering: what is actually drawn.
func (f *Figure) Series() []Series {
	var out []Series
	for _, p := range f.panels {
		out = append(out, p.series()...)
	}
	return out
}

// Err returns the error that PNG, SVG and Save will report (a bad Size, a
// network a plot cannot be drawn for, …), or nil.
func (f *Figure) Err() error { return f.err }

// Dims returns the figure's size in pixels.
func (f *Figure) Dims() (width, height int) { return f.width, f.height }

// Plots returns the gonum plots of the figure, built on first use, for fine
// tuning (axis ranges, extra plotters). Changes survive until LogY, which
// rebuilds them. It returns nil when the figure has an error.
func (f *Figure) Plots() []*gplot.Plot {
	ps, err := f.plots()
	if err != nil {
		return nil
	}
	return ps
}

func (f *Figure) plots() ([]*gplot.Plot, error) {
	if f.err != nil {
		return nil, f.err
	}
	if f.cache != nil {
		return f.cache, nil
	}
	ps := make([]*gplot.Plot, len(f.panels))
	for i, p := range f.panels {
		if err := stopped("drawing " + f.name()); err != nil {
			return nil, err // not cached: drawing again later works
		}
		var err error
		if ps[i], err = p.build(); err != nil {
			return nil, err
		}
	}
	f.cache = ps
	return ps, nil
}

// String describes the figure: Figure "Loss" 640×480 (2 series).
func (f *Figure) String() string {
	var b strings.Builder
	b.WriteString("Figure ")
	if f.title != "" {
		fmt.Fprintf(&b, "%q ", f.title)
	}
	fmt.Fprintf(&b, "%d×%d", f.width, f.height)
	if f.err != nil {
		fmt.Fprintf(&b, " (error: %v)", f.err)
		return b.String()
	}
	// Count what the panels show, keeping first-seen order.
	var order []string
	count := map[string]int{}
	for _, p := range f.panels {
		what, n := p.describe()
		if _, ok := count[what]; !ok {
			order = append(order, what)
		}
		count[what] += n
	}
	parts := make([]string, 0, len(order))
	for _, what := range order {
		n := count[what]
		switch {
		case what == "series":
			parts = append(parts, fmt.Sprintf("%d series", n))
		case n == 1:
			parts = append(parts, "1 "+what)
		default:
			parts = append(parts, fmt.Sprintf("%d %ss", n, what))
		}
	}
	if len(parts) > 0 {
		fmt.Fprintf(&b, " (%s)", strings.Join(parts, ", "))
	}
	return b.String()
}

// PNG renders the figure as PNG bytes. Front ends (the Jupyter kernel, the
// notebook runner) call it to show the figure inline.
func (f *Figure) PNG() ([]byte, error) { return f.Render("png") }

// SVG renders the figure as an SVG document. Text uses the Liberation Sans
// font by name; viewers without it substitute a similar sans-serif font.
func (f *Figure) SVG() ([]byte, error) { return f.Render("svg") }

// Formats lists the formats Render and Save accept (read only).
var Formats = []string{"png", "svg"}

// Render renders the figure in the given format, "png" or "svg". A done cell
// context (nnlib.CellContext, the kernel's interrupt) stops it with an error.
func (f *Figure) Render(format string) (out []byte, err error) {
	format = strings.ToLower(strings.TrimPrefix(format, "."))
	if format != "png" && format != "svg" {
		return nil, fmt.Errorf("plot: unsupported format %q (supported: %s)", format, strings.Join([]string{"png", "svg"}, ", "))
	}
	if err := stopped("drawing " + f.name()); err != nil {
		return nil, err
	}
	ps, err := f.plots()
	if err != nil {
		return nil, err
	}
	// gonum/plot panics on some impossible inputs (a log axis over
	// non-positive values, an empty palette, …): a figure must never crash
	// a notebook cell, so turn those into errors.
	defer func() {
		if r := recover(); r != nil {
			out, err = nil, fmt.Errorf("plot: drawing %s failed: %v", f.name(), r)
		}
	}()
	w := vg.Length(f.width) * vg.Inch / DPI
	h := vg.Length(f.height) * vg.Inch / DPI
	var buf bytes.Buffer
	switch format {
	case "png":
		c := vgimg.NewWith(vgimg.UseWH(w, h), vgimg.UseDPI(DPI))
		f.draw(draw.New(c), ps)
		if err := stopped("drawing " + f.name()); err != nil {
			return nil, err
		}
		// BestSpeed: a figure is redrawn after every epoch during live
		// training; the default compression costs more than the drawing.
		enc := png.Encoder{CompressionLevel: png.BestSpeed}
		if err := enc.Encode(&buf, c.Image()); err != nil {
			return nil, fmt.Errorf("plot: encoding %s as PNG: %v", f.name(), err)
		}
	case "svg":
		c := vgsvg.New(w, h)
		f.draw(draw.New(c), ps)
		if _, err := c.WriteTo(&buf); err != nil {
			return nil, fmt.Errorf("plot: encoding %s as SVG: %v", f.name(), err)
		}
	}
	return buf.Bytes(), nil
}

// name is the figure's name in error messages.
func (f *Figure) name() string {
	if f.title != "" {
		return fmt.Sprintf("figure %q", f.title)
	}
	return "figure"
}

// draw draws the plots on c: a margin, the title, the panels in a grid.
func (f *Figure) draw(c draw.Canvas, ps []*gplot.Plot) {
	c.SetColor(white)
	c.Fill(c.Rectangle.Path())
	m := vg.Points(8)
	c = draw.Crop(c, m, -m, m, -m)
	if len(ps) == 1 {
		ps[0].Title.Text = f.title // the figure's title is the plot's
		ps[0].Draw(c)
		return
	}
	if f.title != "" {
		sty := text.Style{
			Color:   black,
			Font:    sans(14),
			XAlign:  draw.XCenter,
			YAlign:  draw.YTop,
			Handler: gplot.DefaultTextHandler,
		}
		c.FillText(sty, vg.Point{X: c.Center().X, Y: c.Max.Y}, f.title)
		c.Max.Y -= sty.Height(f.title) + vg.Points(8)
	}
	cols := f.cols
	if cols <= 0 || cols > len(ps) {
		cols = len(ps)
	}
	rows := (len(ps) + cols - 1) / cols
	tiles := draw.Tiles{Cols: cols, Rows: rows, PadX: vg.Points(16), PadY: vg.Points(12)}
	for i, p := range ps {
		p.Draw(tiles.At(c, i%cols, i/cols))
	}
}

// Save writes the figure to path; the extension (.png or .svg) picks the
// format. Nothing is written when rendering fails.
func (f *Figure) Save(path string) error {
	ext := strings.ToLower(filepath.Ext(path))
	if ext != ".png" && ext != ".svg" {
		got := "no extension"
		if ext != "" {
			got = fmt.Sprintf("extension %q", ext)
		}
		return fmt.Errorf("plot: cannot save %q: %s (supported: .png, .svg)", path, got)
	}
	b, err := f.Render(ext[1:])
	if err != nil {
		return err
	}
	if err := atomicfile.WriteFile(path, b, 0o666); err != nil {
		return fmt.Errorf("plot: saving %s: %v", f.name(), err)
	}
	return nil
}

// stopped returns an error naming what was stopped when the cell context
// (nnlib.CellContext, the kernel's interrupt) is done, else nil.
func stopped(what string) error {
	if err := nnlib.CellContext().Err(); err != nil {
		return fmt.Errorf("plot: %s stopped: %w", what, err)
	}
	return nil
}

// finite reports whether v is neither NaN nor ±Inf.
func finite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }
