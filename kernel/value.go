package kernel

import (
	"fmt"
	"unicode/utf8"
)

// pngRenderer is what the engine looks for on a value: nnlib/plot figures
// implement it, and so can any user type.
type pngRenderer interface {
	PNG() ([]byte, error)
}

// htmlRenderer is a value that renders itself as an HTML fragment (tables).
type htmlRenderer interface {
	HTML() string
}

// valuePart builds the Value part of a cell's final expression from the
// value, its text formatted by the interpreter (so String methods of cell
// types apply), the MIME data the interpreter found (rich.go; nil when
// none was looked for) and its Go type.
func valuePart(v interface{}, text string, rich map[string][]byte, typ string) Part {
	if len(text) > maxValueText {
		cut := maxValueText
		for cut > 0 && !utf8.RuneStart(text[cut]) {
			cut--
		}
		text = fmt.Sprintf("%s… (%d more bytes)", text[:cut], len(text)-cut)
	}
	data, note := mimeData(v, text, rich)
	text = string(data["text/plain"])
	if note != "" {
		text += fmt.Sprintf("\n(not shown: %s)", note)
		data["text/plain"] = []byte(text)
	}
	return Part{Kind: Value, Text: text, Type: typ, Data: data}
}

// maxValueText caps the text/plain form of a value (a slice of a million
// floats should not flood a notebook).
const maxValueText = 64 << 10
