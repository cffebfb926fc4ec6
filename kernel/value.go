package kernel

import (
	"bytes"
	"fmt"
	"image"
	"image/png"
	"unicode/utf8"
)

// pngRenderer is what the engine looks for on a value: nnlib/plot figures
// implement it, and so can any user type.
type pngRenderer interface {
	PNG() ([]byte, error)
}

// valuePart builds the Value part of a cell's final expression. text is the
// value formatted by the interpreter (so String methods of cell types apply);
// typ is its Go type.
func valuePart(v interface{}, text, typ string) Part {
	if len(text) > maxValueText {
		cut := maxValueText
		for cut > 0 && !utf8.RuneStart(text[cut]) {
			cut--
		}
		text = fmt.Sprintf("%s… (%d more bytes)", text[:cut], len(text)-cut)
	}
	p := Part{Kind: Value, Text: text, Type: typ, Data: map[string][]byte{"text/plain": []byte(text)}}
	if b, err := renderPNG(v); err != nil {
		p.Text += fmt.Sprintf("\n(no image: %v)", err)
		p.Data["text/plain"] = []byte(p.Text)
	} else if b != nil {
		p.Data["image/png"] = b
	}
	if h, ok := v.(htmlRenderer); ok && h != nil {
		func() {
			defer func() { recover() }()
			if s := h.HTML(); s != "" {
				p.Data["text/html"] = []byte(s)
			}
		}()
	}
	return p
}

// maxValueText caps the text/plain form of a value (a slice of a million
// floats should not flood a notebook).
const maxValueText = 64 << 10

// htmlRenderer is a value that renders itself as an HTML fragment (tables).
type htmlRenderer interface {
	HTML() string
}

// renderPNG returns the PNG of values that have one (nil, nil otherwise).
func renderPNG(v interface{}) (b []byte, err error) {
	defer func() {
		if r := recover(); r != nil {
			b, err = nil, fmt.Errorf("panic while rendering: %v", r)
		}
	}()
	switch x := v.(type) {
	case image.Rectangle, *image.Rectangle:
		return nil, nil // an image.Image by its methods, but a value to read
	case pngRenderer:
		if x == nil {
			return nil, nil
		}
		return x.PNG()
	case image.Image:
		if x == nil {
			return nil, nil
		}
		var buf bytes.Buffer
		if err := png.Encode(&buf, x); err != nil {
			return nil, err
		}
		return buf.Bytes(), nil
	}
	return nil, nil
}
