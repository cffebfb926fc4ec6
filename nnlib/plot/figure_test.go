package plot

import (
	"bytes"
	"errors"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	gplot "gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
)

func TestSaveByExtension(t *testing.T) {
	dir := t.TempDir()
	f := Values("loss", []float64{1, 0.5, 0.25})
	tests := []struct {
		name    string
		wantErr string // "" = success
		magic   string
	}{
		{"loss.png", "", "\x89PNG"},
		{"LOSS.PNG", "", "\x89PNG"},
		{"loss.svg", "", "<?xml"},
		{"loss.pdf", `extension ".pdf" (supported: .png, .svg)`, ""},
		{"loss", `no extension (supported: .png, .svg)`, ""},
		{"missing-dir/loss.png", "no such file", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(dir, tc.name)
			err := f.Save(path)
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("Save(%q) error = %v, want it to contain %q", tc.name, err, tc.wantErr)
				}
				if _, statErr := os.Stat(path); statErr == nil {
					t.Fatalf("Save(%q) failed but left a file", tc.name)
				}
				return
			}
			if err != nil {
				t.Fatalf("Save(%q): %v", tc.name, err)
			}
			b, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.HasPrefix(b, []byte(tc.magic)) {
				t.Fatalf("%s starts with %q, want %q", tc.name, b[:min(8, len(b))], tc.magic)
			}
		})
	}
}

func TestRenderFormats(t *testing.T) {
	f := Values("loss", []float64{1, 0.5})
	svg, err := f.SVG()
	if err != nil {
		t.Fatal(err)
	}
	// 640×480 pixels at 96 per inch = 480×360 points.
	if !bytes.Contains(svg, []byte(`width="480pt" height="360pt"`)) || !bytes.Contains(svg, []byte("</svg>")) {
		t.Fatalf("SVG header/footer unexpected: %.300s", svg)
	}
	if _, err := f.Render(".SVG"); err != nil {
		t.Fatalf("Render(.SVG): %v", err)
	}
	if _, err := f.Render("gif"); err == nil || !strings.Contains(err.Error(), `unsupported format "gif" (supported: png, svg)`) {
		t.Fatalf("Render(gif) error = %v", err)
	}
}

func TestSize(t *testing.T) {
	f := Values("loss", []float64{1, 0.5}).Size(300, 200)
	img := decode(t, f) // checks 300×200
	requireDrawn(t, img, 500)

	bad := Values("loss", []float64{1, 0.5}).Size(0, 480)
	if w, h := bad.Dims(); w != 640 || h != 480 {
		t.Fatalf("a bad Size changed the size to %d×%d", w, h)
	}
	if _, err := bad.PNG(); err == nil || !strings.Contains(err.Error(), "Size(0, 480)") {
		t.Fatalf("PNG after Size(0, 480): error = %v, want the mistake named", err)
	}
	if !errors.Is(bad.Err(), bad.Err()) || bad.Err() == nil {
		t.Fatal("Err() = nil after a bad Size")
	}
}

func TestString(t *testing.T) {
	x := []float64{1, 2}
	tests := []struct {
		f    *Figure
		want string
	}{
		{Values("loss", x), `Figure 640×480 (1 series)`},
		{Values("loss", x).Title("Loss"), `Figure "Loss" 640×480 (1 series)`},
		{Curves("e", "l", Series{Name: "a", X: x, Y: x}, Series{Name: "b", X: x, Y: x}).Title("Loss").Size(800, 600),
			`Figure "Loss" 800×600 (2 series)`},
		{Digits([][]float64{make([]float64, 4)}, nil, nil, 0), `Figure 240×168 (1 digit)`},
		{Digits(nil, nil, nil, 0), `Figure "Digits" 640×480 (error: plot.Digits: no images given)`},
	}
	for _, tc := range tests {
		if got := tc.f.String(); got != tc.want {
			t.Errorf("String() = %q, want %q", got, tc.want)
		}
	}
}

func TestFromPlotsSideBySide(t *testing.T) {
	mk := func(title string) *gplot.Plot {
		p := gplot.New()
		p.Title.Text = title
		l, err := plotter.NewLine(plotter.XYs{{X: 0, Y: 0}, {X: 1, Y: 1}})
		if err != nil {
			t.Fatal(err)
		}
		l.Color = Color(2)
		p.Add(l)
		return p
	}
	f := FromPlots(mk("a"), mk("b")).Title("two plots")
	if w, h := f.Dims(); w != 1280 || h != 480 {
		t.Fatalf("FromPlots of 2 = %d×%d, want 1280×480", w, h)
	}
	img := decode(t, f)
	// Both halves show the green line.
	left, right := 0, 0
	for y := 0; y < 480; y++ {
		for x := 0; x < 1280; x++ {
			r, g, b, _ := img.At(x, y).RGBA()
			c := Color(2)
			if iabs(int(r>>8)-int(c.R))+iabs(int(g>>8)-int(c.G))+iabs(int(b>>8)-int(c.B)) < 30 {
				if x < 640 {
					left++
				} else {
					right++
				}
			}
		}
	}
	if left < 50 || right < 50 {
		t.Fatalf("green pixels left %d, right %d: want a line in each panel", left, right)
	}
	if got := f.String(); got != `Figure "two plots" 1280×480 (2 plots)` {
		t.Errorf("String() = %q", got)
	}
	if _, err := FromPlots().PNG(); err == nil {
		t.Error("FromPlots() with no plot rendered without error")
	}
	if _, err := FromPlots(nil).PNG(); err == nil {
		t.Error("FromPlots(nil) rendered without error")
	}
}

// A gonum panic (log axis over negative data) becomes an error.
func TestRenderRecoversFromGonumPanics(t *testing.T) {
	p := gplot.New()
	p.Y.Scale = gplot.LogScale{}
	p.Y.Tick.Marker = gplot.LogTicks{}
	l, err := plotter.NewLine(plotter.XYs{{X: 0, Y: -1}, {X: 1, Y: 1}})
	if err != nil {
		t.Fatal(err)
	}
	p.Add(l)
	_, err = FromPlots(p).PNG()
	if err == nil || !strings.Contains(err.Error(), "drawing figure") {
		t.Fatalf("error = %v, want a drawing error", err)
	}
}

// Plots hands out the gonum plots; changes show in the picture until LogY
// rebuilds them.
func TestPlotsCanBeTuned(t *testing.T) {
	f := Values("loss", []float64{3, 2, 1})
	ps := f.Plots()
	if len(ps) != 1 {
		t.Fatalf("Plots() = %d plots", len(ps))
	}
	ps[0].Y.Label.Text = "custom"
	if f.Plots()[0].Y.Label.Text != "custom" {
		t.Fatal("tuning lost between calls")
	}
	f.LogY(true)
	if f.Plots()[0].Y.Label.Text != "loss" {
		t.Fatal("LogY did not rebuild the plot")
	}
	if Values("x", nil).Size(1, 1).Plots() != nil {
		t.Fatal("Plots() of a figure with an error is not nil")
	}
}

// Rendering needs no system font: gonum/plot embeds Liberation. The text
// shows as dark pixels where the title goes (top 30 pixels, centre).
func TestTitleTextIsDrawn(t *testing.T) {
	img := decode(t, Values("loss", []float64{1, 2}).Title("A title that must show"))
	dark := 0
	for y := 0; y < 30; y++ {
		for x := 200; x < 440; x++ {
			r, g, b, _ := img.At(x, y).RGBA()
			if r>>8 < 100 && g>>8 < 100 && b>>8 < 100 {
				dark++
			}
		}
	}
	if dark < 50 {
		t.Fatalf("only %d dark pixels in the title area: fonts did not render", dark)
	}
}

func TestPNGIsValidForKernel(t *testing.T) {
	// The kernel treats any value with PNG() ([]byte, error) as image/png.
	var v any = Values("loss", []float64{1, 0.1})
	pg, ok := v.(interface{ PNG() ([]byte, error) })
	if !ok {
		t.Fatal("*Figure has no PNG() ([]byte, error) method")
	}
	b, err := pg.PNG()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := png.DecodeConfig(bytes.NewReader(b)); err != nil {
		t.Fatal(err)
	}
}

func TestTitleCanBeRemoved(t *testing.T) {
	f := Values("loss", []float64{1, 2}).Title("first")
	decode(t, f)
	f.Title("")
	decode(t, f)
	if got := f.Plots()[0].Title.Text; got != "" {
		t.Fatalf("title after Title(\"\") = %q", got)
	}
	if got := f.String(); got != "Figure 640×480 (1 series)" {
		t.Fatalf("String() = %q", got)
	}
}

func TestColumns(t *testing.T) {
	var ps []*gplot.Plot
	for range 4 {
		p := gplot.New()
		l, err := plotter.NewLine(plotter.XYs{{X: 0, Y: 0}, {X: 1, Y: 1}})
		if err != nil {
			t.Fatal(err)
		}
		l.Color = Color(3)
		p.Add(l)
		ps = append(ps, p)
	}
	f := FromPlots(ps...).Columns(2).Size(800, 600).Title("2×2")
	img := decode(t, f)
	// A line in each quadrant.
	for q := range 4 {
		x0, y0 := (q%2)*400, (q/2)*300
		n := 0
		for y := y0; y < y0+300; y++ {
			for x := x0; x < x0+400; x++ {
				r, g, b, _ := img.At(x, y).RGBA()
				c := Color(3)
				if iabs(int(r>>8)-int(c.R))+iabs(int(g>>8)-int(c.G))+iabs(int(b>>8)-int(c.B)) < 30 {
					n++
				}
			}
		}
		if n < 50 {
			t.Errorf("quadrant %d: %d purple pixels, want a line", q, n)
		}
	}
}
