package display

import (
	"bytes"
	"encoding/json"
	"fmt"
	"image"
	"image/png"
	"sort"
	"strings"
)

// Object is content of known MIME types, as made by HTML, Markdown, PNG and
// the other constructors. Its text/plain form is String.
type Object struct {
	data map[string][]byte
	text string
}

// MIME returns the object's MIME bundle (a copy), text/plain included.
func (o Object) MIME() map[string][]byte {
	m := make(map[string][]byte, len(o.data)+1)
	for k, v := range o.data {
		m[k] = append([]byte(nil), v...)
	}
	m["text/plain"] = []byte(o.text)
	return m
}

// String returns the text shown where the rich forms cannot be: the text
// itself for HTML, Markdown, LaTeX and Text, a short description for
// images and JSON ("PNG image, 640×480").
func (o Object) String() string { return o.text }

// Types lists the object's MIME types, sorted, without text/plain.
func (o Object) Types() []string {
	ts := make([]string, 0, len(o.data))
	for k := range o.data {
		ts = append(ts, k)
	}
	sort.Strings(ts)
	return ts
}

func object(mime string, data []byte, text string) Object {
	return Object{data: map[string][]byte{mime: data}, text: text}
}

// HTML is an HTML fragment, such as a table.
func HTML(s string) Object { return object("text/html", []byte(s), s) }

// Markdown is Markdown text.
func Markdown(s string) Object { return object("text/markdown", []byte(s), s) }

// LaTeX is a LaTeX formula, between $…$ or $$…$$ (Jupyter renders it with
// MathJax).
func LaTeX(s string) Object { return object("text/latex", []byte(s), s) }

// Text is plain text (shown as is, even where HTML would be rendered).
func Text(s string) Object { return Object{text: s} }

// SVG is an SVG image, the text of an <svg> element.
func SVG(svg string) Object {
	return object("image/svg+xml", []byte(svg), fmt.Sprintf("SVG image, %d bytes", len(svg)))
}

// PNG is an image already encoded as PNG. Its text form gives the size read
// from the PNG header, or says the data is not a PNG.
func PNG(b []byte) Object {
	text := "PNG image: not a PNG (" + fmt.Sprint(len(b)) + " bytes)"
	if c, err := png.DecodeConfig(bytes.NewReader(b)); err == nil {
		text = fmt.Sprintf("PNG image, %d×%d", c.Width, c.Height)
	}
	return object("image/png", b, text)
}

// JPEG is an image already encoded as JPEG.
func JPEG(b []byte) Object {
	text := "JPEG image: not a JPEG (" + fmt.Sprint(len(b)) + " bytes)"
	if c, _, err := image.DecodeConfig(bytes.NewReader(b)); err == nil {
		text = fmt.Sprintf("JPEG image, %d×%d", c.Width, c.Height)
	}
	return object("image/jpeg", b, text)
}

// Image is an image, shown as a PNG. A nil image or one that cannot be
// encoded gives an Object whose text says why.
func Image(img image.Image) Object {
	if img == nil {
		return Text("Image: nil image")
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		return Text("Image: " + err.Error())
	}
	b := img.Bounds()
	return object("image/png", buf.Bytes(), fmt.Sprintf("image %d×%d", b.Dx(), b.Dy()))
}

// JSON is v as JSON (application/json: Jupyter shows it as a tree); its text
// form is the indented JSON. A value encoding/json cannot encode gives an
// Object whose text says why.
func JSON(v any) Object {
	b, err := json.Marshal(v)
	if err != nil {
		return Text("JSON: " + err.Error())
	}
	var ind bytes.Buffer
	json.Indent(&ind, b, "", "  ")
	return object("application/json", b, strings.TrimSpace(ind.String()))
}
