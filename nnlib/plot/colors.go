package plot

import (
	"image/color"
	"math"

	gplot "gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/vg"
)

// Colours used by every figure. Run colours follow the "tab10" palette that
// learners know from matplotlib, with red moved to the end: red is kept for
// "diverged" marks, negative weights and misclassified digits.
var (
	runColors = []color.RGBA{
		{0x1f, 0x77, 0xb4, 0xff}, // blue
		{0xff, 0x7f, 0x0e, 0xff}, // orange
		{0x2c, 0xa0, 0x2c, 0xff}, // green
		{0x94, 0x67, 0xbd, 0xff}, // purple
		{0x8c, 0x56, 0x4b, 0xff}, // brown
		{0xe3, 0x77, 0xc2, 0xff}, // pink
		{0x7f, 0x7f, 0x7f, 0xff}, // grey
		{0xbc, 0xbd, 0x22, 0xff}, // olive
		{0x17, 0xbe, 0xcf, 0xff}, // cyan
		{0xd6, 0x27, 0x28, 0xff}, // red
	}
	// red marks divergence, negative weights and wrong predictions.
	red = color.RGBA{0xd6, 0x27, 0x28, 0xff}
	// blue marks positive weights.
	blue  = color.RGBA{0x1f, 0x77, 0xb4, 0xff}
	black = color.RGBA{0, 0, 0, 0xff}
	grey  = color.RGBA{0x80, 0x80, 0x80, 0xff}
	white = color.RGBA{0xff, 0xff, 0xff, 0xff}
)

// Color returns the colour of the i-th run (or class) on every figure of
// this package: blue, orange, green, purple, … cycling after ten.
func Color(i int) color.RGBA {
	if i < 0 {
		i = -i
	}
	return runColors[i%len(runColors)]
}

// sans is the font used for all text: Liberation Sans, embedded in gonum/plot
// (no system font is needed).
func sans(size vg.Length) font.Font {
	return font.Font{Typeface: "Liberation", Variant: "Sans", Size: size}
}

// newPlot returns a gonum plot with nnbook's defaults: sans-serif text,
// slightly larger title, white background.
func newPlot() *gplot.Plot {
	p := gplot.New()
	p.Title.TextStyle.Font = sans(13)
	p.Title.Padding = vg.Points(6)
	p.X.Label.TextStyle.Font = sans(11)
	p.Y.Label.TextStyle.Font = sans(11)
	p.X.Tick.Label.Font = sans(9)
	p.Y.Tick.Label.Font = sans(9)
	p.Legend.TextStyle.Font = sans(10)
	return p
}

// mix returns a·(1−t) + b·t, componentwise.
func mix(a, b color.RGBA, t float64) color.RGBA {
	t = math.Max(0, math.Min(1, t))
	f := func(x, y uint8) uint8 { return uint8(math.Round(float64(x)*(1-t) + float64(y)*t)) }
	return color.RGBA{f(a.R, b.R), f(a.G, b.G), f(a.B, b.B), f(a.A, b.A)}
}
