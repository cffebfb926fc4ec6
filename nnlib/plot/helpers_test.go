package plot

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"math"
	"testing"
)

// decode renders f as PNG and decodes it, failing the test on error or on
// a size other than the figure's.
func decode(t *testing.T, f *Figure) image.Image {
	t.Helper()
	b, err := f.PNG()
	if err != nil {
		t.Fatalf("%v: PNG: %v", f, err)
	}
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("%v: decoding the PNG: %v", f, err)
	}
	w, h := f.Dims()
	if got := img.Bounds().Size(); got.X != w || got.Y != h {
		t.Fatalf("%v: PNG is %d×%d pixels, want %d×%d", f, got.X, got.Y, w, h)
	}
	return img
}

// countNear counts the pixels within dist (sum of |ΔR|+|ΔG|+|ΔB| on 0..255)
// of c.
func countNear(img image.Image, c color.RGBA, dist int) int {
	n := 0
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, _ := img.At(x, y).RGBA()
			d := iabs(int(r>>8)-int(c.R)) + iabs(int(g>>8)-int(c.G)) + iabs(int(bl>>8)-int(c.B))
			if d <= dist {
				n++
			}
		}
	}
	return n
}

// nonWhite counts the pixels that are not pure white.
func nonWhite(img image.Image) int {
	return img.Bounds().Dx()*img.Bounds().Dy() - countNear(img, white, 0)
}

// requireDrawn fails unless a real share of the picture is drawn: at least
// min pixels that are not white.
func requireDrawn(t *testing.T, img image.Image, min int) {
	t.Helper()
	if n := nonWhite(img); n < min {
		t.Fatalf("only %d non-white pixels, want at least %d: the figure is (nearly) blank", n, min)
	}
}

func iabs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// approx reports whether a and b agree to a relative tolerance tol.
func approx(a, b, tol float64) bool {
	return math.Abs(a-b) <= tol*math.Max(1, math.Max(math.Abs(a), math.Abs(b)))
}

// geometric returns n values falling geometrically from a to b: the shape
// of the worked example's error curve (0.298 → 3.5e-5 over 10,000 steps).
func geometric(a, b float64, n int) []float64 {
	ys := make([]float64, n)
	for i := range ys {
		ys[i] = a * math.Pow(b/a, float64(i)/float64(n-1))
	}
	return ys
}
