package display

import (
	"bytes"
	"image"
	"image/jpeg"
	"image/png"
	"strings"
	"testing"
)

func TestObjects(t *testing.T) {
	var pngData, jpegData bytes.Buffer
	img := image.NewGray(image.Rect(0, 0, 5, 2))
	png.Encode(&pngData, img)
	jpeg.Encode(&jpegData, img, nil)
	for _, c := range []struct {
		name string
		o    Object
		mime string // "" for text only
		text string
	}{
		{"html", HTML("<i>x</i>"), "text/html", "<i>x</i>"},
		{"markdown", Markdown("# T"), "text/markdown", "# T"},
		{"latex", LaTeX("$x$"), "text/latex", "$x$"},
		{"text", Text("<i>plain</i>"), "", "<i>plain</i>"},
		{"svg", SVG("<svg/>"), "image/svg+xml", "SVG image, 6 bytes"},
		{"png", PNG(pngData.Bytes()), "image/png", "PNG image, 5×2"},
		{"not png", PNG([]byte("GIF89a")), "image/png", "PNG image: not a PNG (6 bytes)"},
		{"jpeg", JPEG(jpegData.Bytes()), "image/jpeg", "JPEG image, 5×2"},
		{"image", Image(img), "image/png", "image 5×2"},
		{"nil image", Image(nil), "", "Image: nil image"},
		{"json", JSON(map[string]int{"a": 1}), "application/json", "{\n  \"a\": 1\n}"},
		{"bad json", JSON(func() {}), "", "JSON: json: unsupported type: func()"},
	} {
		got := strings.Join(c.o.Types(), ",")
		if got != c.mime || c.o.String() != c.text {
			t.Errorf("%s: types %q text %q, want %q %q", c.name, got, c.o.String(), c.mime, c.text)
		}
		m := c.o.MIME()
		if string(m["text/plain"]) != c.text {
			t.Errorf("%s: MIME text/plain %q", c.name, m["text/plain"])
		}
		if c.mime != "" && len(m[c.mime]) == 0 {
			t.Errorf("%s: MIME has no %s", c.name, c.mime)
		}
	}
}
