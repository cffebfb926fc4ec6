package plot

import (
	"image"
	"math"
	"strings"
	"testing"

	"github.com/nnbook/nnbook/nnlib"
)

// synthDigit draws a 28×28 "0" (a ring) or "1" (a slanted bar), ink in [0, 1].
func synthDigit(k int) []float64 {
	px := make([]float64, 784)
	for r := range 28 {
		for c := range 28 {
			dx, dy := float64(c)-13.5, float64(r)-13.5
			var v float64
			if k == 0 {
				v = math.Max(0, 1-math.Abs(math.Hypot(dx, dy*0.8)-8)/2.5)
			} else if math.Abs(dy) <= 10 {
				v = math.Max(0, 1-math.Abs(dx-dy*0.2)/2)
			}
			px[r*28+c] = v
		}
	}
	return px
}

// captionRed counts red pixels in the caption strips (below each image).
func captionRed(img image.Image) int { return countNear(img, red, 60) }

func TestDigits(t *testing.T) {
	var imgs [][]float64
	var truth []int
	for i := range 12 {
		imgs = append(imgs, synthDigit(i%2))
		truth = append(truth, i%2)
	}
	wrong := append([]int(nil), truth...)
	wrong[3], wrong[7] = 7, 0

	right := Digits(imgs, truth, truth, 6)
	if got := right.String(); got != "Figure 620×286 (12 digits)" {
		t.Fatalf("String() = %q", got)
	}
	g := right.panels[0].(*digitGrid)
	if g.cells[3].caption != "true 1 / pred 1" || g.cells[3].wrong {
		t.Fatalf("cell 3 = %q wrong=%v", g.cells[3].caption, g.cells[3].wrong)
	}
	imgRight := decode(t, right)
	requireDrawn(t, imgRight, 10000)
	if n := captionRed(imgRight); n > 0 {
		t.Fatalf("%d red pixels with every digit right", n)
	}

	bad := Digits(imgs, truth, wrong, 6)
	g = bad.panels[0].(*digitGrid)
	if g.cells[3].caption != "true 1 / pred 7" || !g.cells[3].wrong || g.cells[4].wrong {
		t.Fatalf("cells 3, 4 = %+v, %+v", g.cells[3].caption, g.cells[4].caption)
	}
	if n := captionRed(decode(t, bad)); n < 40 {
		t.Fatalf("only %d red pixels: the misclassified captions are not red", n)
	}
	// Without labels: no captions; only true labels: the digit.
	if c := Digits(imgs[:1], nil, nil, 0).panels[0].(*digitGrid).cells[0].caption; c != "" {
		t.Errorf("caption without labels = %q", c)
	}
	if c := Digits(imgs[:1], []int{4}, nil, 0).panels[0].(*digitGrid).cells[0].caption; c != "4" {
		t.Errorf("caption with a true label only = %q", c)
	}
}

func TestDigitImage(t *testing.T) {
	img, err := digitImage([]float64{0, 1, 0.5, math.NaN()})
	if err != nil {
		t.Fatal(err)
	}
	// Ink is dark on white: 0 → 255 (white), 1 → 0 (black).
	if got := img.Pix; got[0] != 255 || got[1] != 0 || got[2] != 128 || got[3] != 255 {
		t.Fatalf("pixels = %v, want [255 0 128 255]", got)
	}
	img, err = digitImage([]float64{0, 255, 51, 0}) // 0..255 data rescaled
	if err != nil {
		t.Fatal(err)
	}
	if got := img.Pix; got[1] != 0 || got[2] != 204 {
		t.Fatalf("0..255 pixels = %v", got)
	}
}

func TestDigitsErrors(t *testing.T) {
	one := [][]float64{synthDigit(0)}
	tests := []struct {
		name string
		f    *Figure
		want string
	}{
		{"none", Digits(nil, nil, nil, 0), "no images given"},
		{"not square", Digits([][]float64{make([]float64, 10)}, nil, nil, 0), "image 0: 10 pixels do not make a square image"},
		{"true labels", Digits(one, []int{1, 2}, nil, 0), "1 images but 2 true labels"},
		{"pred labels", Digits(one, nil, []int{}, 0), "1 images but 0 predicted labels"},
	}
	for _, tc := range tests {
		if _, err := tc.f.PNG(); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: error = %v, want %q", tc.name, err, tc.want)
		}
	}
}

// Misclassified picks the samples the network gets wrong.
func TestMisclassified(t *testing.T) {
	// 2×2 "images": class 1 when the top-left pixel is inked.
	d := &nnlib.Dataset{
		Name:    "tiny",
		Inputs:  [][]float64{{1, 0, 0, 0}, {0, 0, 0, 1}, {1, 1, 0, 0}, {0, 1, 1, 0}},
		Labels:  []int{1, 0, 0, 1}, // rows 2 and 3 disagree with the rule
		Targets: [][]float64{{1}, {0}, {0}, {1}},
	}
	n := nnlib.New(4, 1)
	for from, w := range []float64{20, 0, 0, 0} {
		if err := n.SetWeight(0, 0, from, w); err != nil {
			t.Fatal(err)
		}
	}
	if err := n.SetBias(0, 0, -10); err != nil {
		t.Fatal(err)
	}
	f := Misclassified(n, d, 0)
	if err := f.Err(); err != nil {
		t.Fatal(err)
	}
	g := f.panels[0].(*digitGrid)
	if len(g.cells) != 2 || g.cells[0].caption != "true 0 / pred 1" || g.cells[1].caption != "true 1 / pred 0" {
		t.Fatalf("cells = %+v", g.cells)
	}
	if got := f.String(); got != `Figure "Misclassified: 2 of 4 samples (showing 2)" 240×168 (2 digits)` {
		t.Errorf("String() = %q", got)
	}
	if got := len(Misclassified(n, d, 1).panels[0].(*digitGrid).cells); got != 1 {
		t.Errorf("limit 1 shows %d", got)
	}
	d.Labels = []int{1, 0, 1, 0}
	if _, err := Misclassified(n, d, 0).PNG(); err == nil || !strings.Contains(err.Error(), "gets all 4 samples right") {
		t.Errorf("all right: error = %v", err)
	}
}
