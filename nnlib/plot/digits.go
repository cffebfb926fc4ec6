package plot

import (
	"fmt"
	"image"
	"image/color"
	"math"

	"github.com/nnbook/nnbook/nnlib"
	gplot "gonum.org/v1/plot"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// Digits draws images (28×28 MNIST digits, or any square size) in a grid
// with cols columns (0 = up to 10), each captioned "true 3 / pred 5";
// captions of misclassified digits are red. Pixel values are ink
// intensities in [0, 1] (0..255 is rescaled); ink is drawn dark on white.
// trueLabels and predLabels may be nil (no caption part); otherwise they
// have one label per image.
func Digits(images [][]float64, trueLabels, predLabels []int, cols int) *Figure {
	const title = "Digits"
	if len(images) == 0 {
		return errFigure(title, fmt.Errorf("plot.Digits: no images given"))
	}
	if trueLabels != nil && len(trueLabels) != len(images) {
		return errFigure(title, fmt.Errorf("plot.Digits: %d images but %d true labels", len(images), len(trueLabels)))
	}
	if predLabels != nil && len(predLabels) != len(images) {
		return errFigure(title, fmt.Errorf("plot.Digits: %d images but %d predicted labels", len(images), len(predLabels)))
	}
	g := &digitGrid{cols: cols}
	if g.cols <= 0 {
		g.cols = min(len(images), 10)
	}
	g.cols = min(g.cols, len(images))
	for i, px := range images {
		if i%256 == 255 {
			if err := stopped("plot.Digits"); err != nil {
				return errFigure(title, err)
			}
		}
		img, err := digitImage(px)
		if err != nil {
			return errFigure(title, fmt.Errorf("plot.Digits: image %d: %v", i, err))
		}
		cell := digitCell{img: img}
		switch {
		case trueLabels != nil && predLabels != nil:
			cell.caption = fmt.Sprintf("true %d / pred %d", trueLabels[i], predLabels[i])
			cell.wrong = trueLabels[i] != predLabels[i]
		case trueLabels != nil:
			cell.caption = fmt.Sprintf("%d", trueLabels[i])
		case predLabels != nil:
			cell.caption = fmt.Sprintf("pred %d", predLabels[i])
		}
		g.cells = append(g.cells, cell)
	}
	rows := (len(g.cells) + g.cols - 1) / g.cols
	w := min(max(g.cols*100+20, 240), MaxSize)
	h := min(rows*118+50, MaxSize)
	return newFigure("", w, h, g)
}

// digitImage turns pixel intensities into a grey image, ink dark on white.
func digitImage(px []float64) (*image.Gray, error) {
	side := int(math.Round(math.Sqrt(float64(len(px)))))
	if side == 0 || side*side != len(px) {
		return nil, fmt.Errorf("%d pixels do not make a square image (28×28 = 784)", len(px))
	}
	hi := 1.0
	for _, v := range px {
		if finite(v) && v > hi {
			hi = v // 0..255 data
		}
	}
	img := image.NewGray(image.Rect(0, 0, side, side))
	for i, v := range px {
		if !finite(v) {
			v = 0
		}
		v = math.Max(0, math.Min(1, v/hi))
		img.Pix[i] = uint8(math.Round(255 * (1 - v)))
	}
	return img, nil
}

// digitGrid is a panel of captioned images.
type digitGrid struct {
	cols  int
	cells []digitCell
}

type digitCell struct {
	img     *image.Gray
	caption string
	wrong   bool // caption in red
}

func (g *digitGrid) series() []Series        { return nil }
func (g *digitGrid) describe() (string, int) { return "digit", len(g.cells) }

func (g *digitGrid) build() (*gplot.Plot, error) {
	p := newPlot()
	p.HideAxes()
	p.Add(canvasPlotter(g.draw))
	return p, nil
}

// draw lays the cells out in the data area of the plot.
func (g *digitGrid) draw(c draw.Canvas, plt *gplot.Plot) {
	rows := (len(g.cells) + g.cols - 1) / g.cols
	sty := text.Style{
		Color:   black,
		Font:    sans(9),
		XAlign:  draw.XCenter,
		YAlign:  draw.YTop,
		Handler: plt.TextHandler,
	}
	capH := sty.Height("Mg") + vg.Points(4)
	cw := (c.Max.X - c.Min.X) / vg.Length(g.cols)
	ch := (c.Max.Y - c.Min.Y) / vg.Length(rows)
	side := min(cw*0.9, ch-capH-vg.Points(4))
	if side <= 0 {
		return
	}
	for i, cell := range g.cells {
		col, row := i%g.cols, i/g.cols
		cx := c.Min.X + cw*(vg.Length(col)+0.5)
		top := c.Max.Y - ch*vg.Length(row)
		rect := vg.Rectangle{
			Min: vg.Point{X: cx - side/2, Y: top - side},
			Max: vg.Point{X: cx + side/2, Y: top},
		}
		c.DrawImage(rect, cell.img)
		frame := draw.LineStyle{Color: color.Gray{Y: 0xc0}, Width: vg.Points(0.5)}
		c.StrokeLines(frame, []vg.Point{rect.Min, {X: rect.Max.X, Y: rect.Min.Y}, rect.Max, {X: rect.Min.X, Y: rect.Max.Y}, rect.Min})
		if cell.caption != "" {
			s := sty
			if cell.wrong {
				s.Color = red
			}
			c.FillText(s, vg.Point{X: cx, Y: rect.Min.Y - vg.Points(2)}, cell.caption)
		}
	}
}

// canvasPlotter is a gonum Plotter that draws straight into the plot's data
// area (used with hidden axes for diagrams).
type canvasPlotter func(c draw.Canvas, plt *gplot.Plot)

// Plot implements gplot.Plotter.
func (f canvasPlotter) Plot(c draw.Canvas, plt *gplot.Plot) { f(c, plt) }

// Misclassified shows up to limit samples of d that n gets wrong (all of
// them when limit ≤ 0), as Digits with "true / pred" captions in red. The
// samples must be square images (MNIST: 784 inputs).
func Misclassified(n *nnlib.Network, d *nnlib.Dataset, limit int) *Figure {
	const title = "Misclassified"
	if n == nil || d == nil {
		return errFigure(title, fmt.Errorf("plot.Misclassified: the network or the data set is nil"))
	}
	if d.Labels == nil {
		return errFigure(title, fmt.Errorf("plot.Misclassified: the data set %q has no labels", d.Name))
	}
	preds, err := n.PredictBatch(d.Inputs)
	if err != nil {
		return errFigure(title, fmt.Errorf("plot.Misclassified: %w", err))
	}
	var imgs [][]float64
	var truth, guess []int
	wrong := 0
	for i, out := range preds {
		p := nnlib.Class(out)
		if p == d.Labels[i] {
			continue
		}
		wrong++
		if limit <= 0 || len(imgs) < limit {
			imgs = append(imgs, d.Inputs[i])
			truth = append(truth, d.Labels[i])
			guess = append(guess, p)
		}
	}
	if wrong == 0 {
		return errFigure(title, fmt.Errorf("plot.Misclassified: the network gets all %d samples right", d.Len()))
	}
	return Digits(imgs, truth, guess, 0).Title(fmt.Sprintf("%s: %d of %d samples (showing %d)", title, wrong, d.Len(), len(imgs)))
}
