package kernel

import (
	"bytes"
	"fmt"
	"image"
	"image/png"
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
	p := Part{Kind: Value, Text: text, Type: typ, Data: map[string][]byte{"text/plain": []byte(text)}}
	if b, err := renderPNG(v); err != nil {
		p.Text += fmt.Sprintf("\n(no image: %v)", err)
		p.Data["text/plain"] = []byte(p.Text)
	} else if b != nil {
		p.Data["image/png"] = b
	}
	return p
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
