package kernel

import (
	"bytes"
	"errors"
	"image"
	"image/png"
	"strings"
	"testing"
)

type fakeFigure struct{ fail bool }

func (f fakeFigure) PNG() ([]byte, error) {
	if f.fail {
		return nil, errors.New("no renderer")
	}
	var b bytes.Buffer
	png.Encode(&b, image.NewGray(image.Rect(0, 0, 1, 1)))
	return b.Bytes(), nil
}

type fakeTable struct{}

func (fakeTable) HTML() string { return "<table></table>" }

type fakeRich struct{}

func (fakeRich) Markdown() string        { return "**b**" }
func (fakeRich) LaTeX() string           { return "$x$" }
func (fakeRich) SVG() ([]byte, error)    { return []byte("<svg/>"), nil }
func (fakeRich) HTML() string            { panic("boom") }
func (fakeRich) MIME() map[string][]byte { return map[string][]byte{"application/json": []byte("{}")} }

func TestValuePart(t *testing.T) {
	for _, c := range []struct {
		name     string
		v        interface{}
		text     string
		wantText string
		wantMIME []string
	}{
		{"int", 9, "9", "9", []string{"text/plain"}},
		{"png method", fakeFigure{}, "Figure", "Figure", []string{"image/png", "text/plain"}},
		{"png error", fakeFigure{fail: true}, "Figure", "Figure\n(not shown: no renderer)", []string{"text/plain"}},
		{"image", image.NewGray(image.Rect(0, 0, 2, 2)), "img", "img", []string{"image/png", "text/plain"}},
		{"rectangle", image.Rect(0, 0, 2, 2), "(0,0)-(2,2)", "(0,0)-(2,2)", []string{"text/plain"}},
		{"html", fakeTable{}, "t", "t", []string{"text/html", "text/plain"}},
		{"nil", nil, "<nil>", "<nil>", []string{"text/plain"}},
		{"nil pointer", (*fakeTable)(nil), "<nil>", "<nil>", []string{"text/plain"}},
		{"every method", fakeRich{}, "r", "r\n(not shown: panic: boom)", []string{"application/json", "image/svg+xml", "text/latex", "text/markdown", "text/plain"}},
	} {
		p := valuePart(c.v, c.text, nil, "T")
		var mimes []string
		for _, m := range []string{"application/json", "image/png", "image/svg+xml", "text/html", "text/latex", "text/markdown", "text/plain"} {
			if _, ok := p.Data[m]; ok {
				mimes = append(mimes, m)
			}
		}
		if p.Kind != Value || p.Text != c.wantText || strings.Join(mimes, ",") != strings.Join(c.wantMIME, ",") {
			t.Errorf("%s: got %v %q %v, want %q %v", c.name, p.Kind, p.Text, mimes, c.wantText, c.wantMIME)
		}
		if b := p.Data["image/png"]; b != nil {
			if _, err := png.Decode(bytes.NewReader(b)); err != nil {
				t.Errorf("%s: image/png does not decode: %v", c.name, err)
			}
		}
	}
	long := strings.Repeat("é", maxValueText)
	p := valuePart(long, long, nil, "string")
	if len(p.Text) > maxValueText+100 || !strings.Contains(p.Text, "more bytes)") {
		t.Errorf("long value: %d bytes, ends %q", len(p.Text), p.Text[len(p.Text)-30:])
	}
}

func TestPartString(t *testing.T) {
	for _, c := range []struct {
		p    Part
		want string
	}{
		{Part{Kind: Stdout, Text: "hi\n"}, `stdout "hi\n"`},
		{Part{Kind: Value, Text: "9", Type: "int"}, "value int 9"},
		{Part{Kind: Display, DisplayID: "d1", Text: "Figure", Data: map[string][]byte{"image/png": make([]byte, 3)}}, "display id=d1 Figure [image/png 3 bytes]"},
		{Part{Kind: PartKind(9)}, "PartKind(9) "},
	} {
		if got := c.p.String(); got != c.want {
			t.Errorf("String() = %q, want %q", got, c.want)
		}
	}
	ce := &CellError{Name: "Panic", Value: "boom", Line: 2, Col: 3}
	if got := ce.Error(); got != "2:3: panic: boom" {
		t.Errorf("CellError.Error() = %q", got)
	}
}
