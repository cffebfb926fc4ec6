// Package json holds the session's json.Encoder, whose Encode sees the
// values of cell types held in interfaces as the engine's json.Marshal does
// (kernel/celljson.go): yaegi hands such a value to compiled code as its
// (node, value) pair, which encoding/json writes as {}.
//
// The package is named json so that fmt's %T of a cell's encoder prints
// "*json.Encoder", as Go does.
package json

import (
	gojson "encoding/json"
	"io"
)

// Encoder writes JSON values to an output stream, as encoding/json's
// Encoder does, after Plain (the engine's) has taken the cell values out of
// yaegi's pairs.
type Encoder struct {
	enc   *gojson.Encoder
	plain func(any) any
}

// NewEncoder returns an Encoder writing to w; plain copies a value with
// yaegi's pairs replaced by the values they hold.
func NewEncoder(w io.Writer, plain func(any) any) *Encoder {
	return &Encoder{enc: gojson.NewEncoder(w), plain: plain}
}

// Encode writes the JSON encoding of v followed by a newline.
func (c *Encoder) Encode(v any) error { return c.enc.Encode(c.plain(v)) }

// SetIndent sets the indentation of each following Encode.
func (c *Encoder) SetIndent(prefix, indent string) { c.enc.SetIndent(prefix, indent) }

// SetEscapeHTML sets whether HTML characters in strings are escaped.
func (c *Encoder) SetEscapeHTML(on bool) { c.enc.SetEscapeHTML(on) }
