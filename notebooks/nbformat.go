package notebooks

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"sort"
	"strings"
)

// Notebook is a Jupyter notebook in nbformat 4. Fields the runner does not
// interpret (unknown metadata, unknown top-level keys, attachments) are kept
// as raw JSON and written back unchanged.
type Notebook struct {
	Format      int      // nbformat, always 4
	FormatMinor int      // nbformat_minor; cells carry ids from 4.5 on
	Metadata    Metadata // notebook metadata (kernelspec, language_info, ...)
	Cells       []*Cell
	Extra       map[string]json.RawMessage // unknown top-level keys

	// startLines maps a cell index to the line of the script file where
	// the cell's source starts (scripts only), so errors can name it.
	startLines map[int]int
}

// String returns a one-line summary such as
// "Notebook(nbformat 4.5, 12 cells: 5 code, 7 markdown)".
func (nb *Notebook) String() string {
	counts := map[string]int{}
	for _, c := range nb.Cells {
		counts[c.Type]++
	}
	var parts []string
	for _, t := range []string{"code", "markdown", "raw"} {
		if counts[t] > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", counts[t], t))
		}
	}
	s := fmt.Sprintf("Notebook(nbformat %d.%d, %d cells", nb.Format, nb.FormatMinor, len(nb.Cells))
	if len(parts) > 0 {
		s += ": " + strings.Join(parts, ", ")
	}
	return s + ")"
}

// CodeCells returns the number of code cells.
func (nb *Notebook) CodeCells() int {
	n := 0
	for _, c := range nb.Cells {
		if c.Type == "code" {
			n++
		}
	}
	return n
}

// Metadata is a JSON object whose values are kept raw, so metadata the runner
// does not understand survives a read/write round trip byte for byte (modulo
// whitespace).
type Metadata map[string]json.RawMessage

// String returns the metadata as compact JSON with sorted keys.
func (m Metadata) String() string {
	b, err := json.Marshal(map[string]json.RawMessage(m))
	if err != nil {
		return fmt.Sprintf("Metadata(%d keys)", len(m))
	}
	return string(b)
}

// Set stores v, encoded as JSON, under key.
func (m Metadata) Set(key string, v any) {
	b, err := marshalNoEscape(v)
	if err != nil {
		panic(fmt.Sprintf("notebooks: metadata %q: %v", key, err))
	}
	m[key] = b
}

// Cell is one notebook cell.
type Cell struct {
	ID             string // cell id (nbformat ≥ 4.5); empty before 4.5
	Type           string // "code", "markdown" or "raw"
	Source         string
	Metadata       Metadata
	Outputs        []*Output // code cells only
	ExecutionCount *int      // code cells only; nil is JSON null
	Attachments    json.RawMessage
	Extra          map[string]json.RawMessage // unknown keys
}

// String returns a short description such as `code cell [3] "x := 1…" (2 outputs)`.
func (c *Cell) String() string {
	src := c.Source
	if i := strings.IndexByte(src, '\n'); i >= 0 {
		src = src[:i] + "…"
	}
	if len(src) > 40 {
		src = src[:40] + "…"
	}
	s := c.Type + " cell"
	if c.Type == "code" {
		if c.ExecutionCount != nil {
			s += fmt.Sprintf(" [%d]", *c.ExecutionCount)
		} else {
			s += " [ ]"
		}
	}
	s += fmt.Sprintf(" %q", src)
	if c.Type == "code" {
		s += fmt.Sprintf(" (%d outputs)", len(c.Outputs))
	}
	return s
}

// Output is one output of a code cell: a stream, an execute_result, a
// display_data or an error.
type Output struct {
	Type           string     // "stream", "execute_result", "display_data", "error"
	Name           string     // stream: "stdout" or "stderr"
	Text           string     // stream text
	Data           MIMEBundle // execute_result, display_data
	Metadata       Metadata   // execute_result, display_data
	ExecutionCount *int       // execute_result
	EName, EValue  string     // error
	Traceback      []string   // error
	Extra          map[string]json.RawMessage
}

// String returns a short description such as `stream stdout "hi\n"` or
// `display_data [image/png text/plain]`.
func (o *Output) String() string {
	switch o.Type {
	case "stream":
		t := o.Text
		if len(t) > 60 {
			t = t[:60] + "…"
		}
		return fmt.Sprintf("stream %s %q", o.Name, t)
	case "error":
		return fmt.Sprintf("error %s: %s", o.EName, o.EValue)
	}
	return fmt.Sprintf("%s %v", o.Type, o.Data.MIMETypes())
}

// PlainText returns what a reader sees of the output as text: the stream
// text, the text/plain data, or the error's name and value.
func (o *Output) PlainText() string {
	switch o.Type {
	case "stream":
		return o.Text
	case "error":
		return o.EName + ": " + o.EValue + "\n" + strings.Join(o.Traceback, "\n")
	}
	t, _ := o.Data.Text("text/plain")
	return t
}

// MIMEBundle maps a MIME type to its JSON value: a string or a list of
// strings (text), or a JSON object (application/json).
type MIMEBundle map[string]json.RawMessage

// MIMETypes returns the bundle's MIME types, sorted.
func (b MIMEBundle) MIMETypes() []string {
	var ts []string
	for k := range b {
		ts = append(ts, k)
	}
	sort.Strings(ts)
	return ts
}

// String returns the sorted list of MIME types.
func (b MIMEBundle) String() string { return fmt.Sprint(b.MIMETypes()) }

// Text returns the value of mime as a string (joining a list of lines).
func (b MIMEBundle) Text(mime string) (string, bool) {
	raw, ok := b[mime]
	if !ok {
		return "", false
	}
	var m multiline
	if err := json.Unmarshal(raw, &m); err != nil {
		return string(raw), true
	}
	return string(m), true
}

// SetText stores s under mime: as a list of lines for text/* types (as
// nbformat writes them), as one string otherwise (base64 images).
func (b MIMEBundle) SetText(mime, s string) {
	var v any = s
	if strings.HasPrefix(mime, "text/") || mime == "image/svg+xml" || mime == "application/javascript" {
		v = splitLines(s)
	}
	raw, _ := marshalNoEscape(v)
	b[mime] = raw
}

// PNG returns the decoded image/png data, if any.
func (b MIMEBundle) PNG() ([]byte, bool) {
	s, ok := b.Text("image/png")
	if !ok {
		return nil, false
	}
	s = strings.Map(func(r rune) rune {
		if r == '\n' || r == '\r' || r == ' ' {
			return -1
		}
		return r
	}, s)
	png, err := base64.StdEncoding.DecodeString(s)
	if err != nil {
		return nil, false
	}
	return png, true
}

// multiline is an nbformat "multiline string": a string or a list of strings.
type multiline string

func (m *multiline) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err == nil {
		*m = multiline(s)
		return nil
	}
	var ss []string
	if err := json.Unmarshal(b, &ss); err != nil {
		return fmt.Errorf("expected a string or a list of strings, got %s", jsonKind(b))
	}
	*m = multiline(strings.Join(ss, ""))
	return nil
}

// splitLines splits s after every newline, as Python's str.splitlines(True)
// does for "\n" (an empty string gives an empty list).
func splitLines(s string) []string {
	lines := []string{}
	for s != "" {
		i := strings.IndexByte(s, '\n')
		if i < 0 {
			lines = append(lines, s)
			break
		}
		lines = append(lines, s[:i+1])
		s = s[i+1:]
	}
	return lines
}

func jsonKind(b []byte) string {
	b = bytes.TrimSpace(b)
	if len(b) == 0 {
		return "nothing"
	}
	switch b[0] {
	case '{':
		return "an object"
	case '[':
		return "a list"
	case '"':
		return "a string"
	case 't', 'f':
		return "a boolean"
	case 'n':
		return "null"
	}
	return "a number"
}

var cellIDPattern = regexp.MustCompile(`^[a-zA-Z0-9_-]{1,64}$`)

// ParseError is the error Read returns for a malformed notebook. Where names
// the place ("cell 3", "cell 3 output 1", "line 4 column 7") and Problem says
// what was expected and what came.
type ParseError struct {
	Where   string
	Problem string
}

// Error returns "where: problem".
func (e *ParseError) Error() string {
	if e.Where == "" {
		return e.Problem
	}
	return e.Where + ": " + e.Problem
}

// Read parses an nbformat 4 notebook. Source, stream text and text data may
// be strings or lists of lines. Unknown keys are kept. A notebook that is not
// valid JSON or not nbformat 4 gives a *ParseError naming the place.
func Read(data []byte) (*Notebook, error) {
	var top map[string]json.RawMessage
	if err := json.Unmarshal(data, &top); err != nil {
		return nil, jsonError(data, err)
	}
	if top == nil {
		return nil, &ParseError{Problem: "expected a JSON object (a notebook), got null"}
	}
	nb := &Notebook{Extra: map[string]json.RawMessage{}}
	rawFormat, ok := top["nbformat"]
	if !ok {
		return nil, &ParseError{Problem: `not a notebook: the key "nbformat" is missing`}
	}
	if err := json.Unmarshal(rawFormat, &nb.Format); err != nil {
		return nil, &ParseError{Where: "nbformat", Problem: "expected an integer, got " + jsonKind(rawFormat)}
	}
	if nb.Format != 4 {
		return nil, &ParseError{Where: "nbformat", Problem: fmt.Sprintf("expected version 4, got %d (convert it with: jupyter nbconvert --to notebook)", nb.Format)}
	}
	if raw, ok := top["nbformat_minor"]; ok {
		if err := json.Unmarshal(raw, &nb.FormatMinor); err != nil || nb.FormatMinor < 0 {
			return nil, &ParseError{Where: "nbformat_minor", Problem: "expected a non-negative integer, got " + jsonKind(raw)}
		}
	} else {
		return nil, &ParseError{Problem: `the key "nbformat_minor" is missing`}
	}
	nb.Metadata = Metadata{}
	if raw, ok := top["metadata"]; ok {
		if err := json.Unmarshal(raw, (*map[string]json.RawMessage)(&nb.Metadata)); err != nil || nb.Metadata == nil {
			return nil, &ParseError{Where: "metadata", Problem: "expected an object, got " + jsonKind(raw)}
		}
	}
	rawCells, ok := top["cells"]
	if !ok {
		return nil, &ParseError{Problem: `the key "cells" is missing`}
	}
	var cells []json.RawMessage
	if err := json.Unmarshal(rawCells, &cells); err != nil || cells == nil {
		return nil, &ParseError{Where: "cells", Problem: "expected a list, got " + jsonKind(rawCells)}
	}
	for k, v := range top {
		switch k {
		case "nbformat", "nbformat_minor", "metadata", "cells":
		default:
			nb.Extra[k] = v
		}
	}
	for i, raw := range cells {
		c, err := readCell(raw, fmt.Sprintf("cell %d", i+1))
		if err != nil {
			return nil, err
		}
		nb.Cells = append(nb.Cells, c)
	}
	return nb, nil
}

// jsonError turns a JSON syntax error into a ParseError with line and column.
func jsonError(data []byte, err error) error {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		off := int(se.Offset)
		if off > 0 && off < len(data) {
			off-- // Offset counts the offending byte
		}
		line, col := lineCol(data, off)
		return &ParseError{Where: fmt.Sprintf("line %d column %d", line, col), Problem: "not valid JSON: " + se.Error()}
	}
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		return &ParseError{Problem: "expected a JSON object (a notebook), got " + jsonKind(data)}
	}
	return &ParseError{Problem: "not valid JSON: " + err.Error()}
}

func lineCol(data []byte, off int) (line, col int) {
	if off > len(data) {
		off = len(data)
	}
	line = 1 + bytes.Count(data[:off], []byte("\n"))
	col = off - bytes.LastIndexByte(data[:off], '\n')
	return line, col
}

func readCell(raw json.RawMessage, where string) (*Cell, error) {
	var m map[string]json.RawMessage
	if err := json.Unmarshal(raw, &m); err != nil || m == nil {
		return nil, &ParseError{Where: where, Problem: "expected an object, got " + jsonKind(raw)}
	}
	c := &Cell{Metadata: Metadata{}, Extra: map[string]json.RawMessage{}}
	rawType, ok := m["cell_type"]
	if !ok {
		return nil, &ParseError{Where: where, Problem: `the key "cell_type" is missing`}
	}
	if err := json.Unmarshal(rawType, &c.Type); err != nil {
		return nil, &ParseError{Where: where, Problem: "cell_type: expected a string, got " + jsonKind(rawType)}
	}
	switch c.Type {
	case "code", "markdown", "raw":
	default:
		return nil, &ParseError{Where: where, Problem: fmt.Sprintf("cell_type: expected code, markdown or raw, got %q", c.Type)}
	}
	where += " (" + c.Type + ")"
	rawSrc, ok := m["source"]
	if !ok {
		return nil, &ParseError{Where: where, Problem: `the key "source" is missing`}
	}
	var src multiline
	if err := json.Unmarshal(rawSrc, &src); err != nil {
		return nil, &ParseError{Where: where, Problem: "source: " + err.Error()}
	}
	c.Source = string(src)
	if raw, ok := m["id"]; ok {
		if err := json.Unmarshal(raw, &c.ID); err != nil {
			return nil, &ParseError{Where: where, Problem: "id: expected a string, got " + jsonKind(raw)}
		}
	}
	if raw, ok := m["metadata"]; ok {
		if err := json.Unmarshal(raw, (*map[string]json.RawMessage)(&c.Metadata)); err != nil || c.Metadata == nil {
			return nil, &ParseError{Where: where, Problem: "metadata: expected an object, got " + jsonKind(raw)}
		}
	}
	if raw, ok := m["attachments"]; ok {
		c.Attachments = raw
	}
	if c.Type == "code" {
		if raw, ok := m["execution_count"]; ok {
			if err := json.Unmarshal(raw, &c.ExecutionCount); err != nil {
				return nil, &ParseError{Where: where, Problem: "execution_count: expected an integer or null, got " + jsonKind(raw)}
			}
		}
		if raw, ok := m["outputs"]; ok {
			var outs []json.RawMessage
			if err := json.Unmarshal(raw, &outs); err != nil {
				return nil, &ParseError{Where: where, Problem: "outputs: expected a list, got " + jsonKind(raw)}
			}
			for j, ro := range outs {
				o, err := readOutput(ro, fmt.Sprintf("%s output %d", where, j+1))
				if err != nil {
					return nil, err
				}
				c.Outputs = append(c.Outputs, o)
			}
		}
	}
	for k, v := range m {
		switch k {
		case "cell_type", "source", "id", "metadata", "attachments":
		case "execution_count", "outputs":
			if c.Type != "code" {
				c.Extra[k] = v
			}
		default:
			c.Extra[k] = v
		}
	}
	return c, nil
}

func readOutput(raw json.RawMessage, where string) (*Output, error) {
	var m map[string]json.RawMessage
	if err := json.Unmarshal(raw, &m); err != nil || m == nil {
		return nil, &ParseError{Where: where, Problem: "expected an object, got " + jsonKind(raw)}
	}
	o := &Output{Extra: map[string]json.RawMessage{}}
	rawType, ok := m["output_type"]
	if !ok {
		return nil, &ParseError{Where: where, Problem: `the key "output_type" is missing`}
	}
	if err := json.Unmarshal(rawType, &o.Type); err != nil {
		return nil, &ParseError{Where: where, Problem: "output_type: expected a string, got " + jsonKind(rawType)}
	}
	known := map[string]bool{"output_type": true}
	str := func(key string, dst *string) error {
		raw, ok := m[key]
		if !ok {
			return &ParseError{Where: where, Problem: fmt.Sprintf("%s output: the key %q is missing", o.Type, key)}
		}
		known[key] = true
		if err := json.Unmarshal(raw, dst); err != nil {
			return &ParseError{Where: where, Problem: key + ": expected a string, got " + jsonKind(raw)}
		}
		return nil
	}
	switch o.Type {
	case "stream":
		if err := str("name", &o.Name); err != nil {
			return nil, err
		}
		raw, ok := m["text"]
		if !ok {
			return nil, &ParseError{Where: where, Problem: `stream output: the key "text" is missing`}
		}
		known["text"] = true
		var t multiline
		if err := json.Unmarshal(raw, &t); err != nil {
			return nil, &ParseError{Where: where, Problem: "text: " + err.Error()}
		}
		o.Text = string(t)
	case "execute_result", "display_data":
		o.Data = MIMEBundle{}
		o.Metadata = Metadata{}
		if raw, ok := m["data"]; ok {
			known["data"] = true
			if err := json.Unmarshal(raw, (*map[string]json.RawMessage)(&o.Data)); err != nil || o.Data == nil {
				return nil, &ParseError{Where: where, Problem: "data: expected an object, got " + jsonKind(raw)}
			}
		}
		if raw, ok := m["metadata"]; ok {
			known["metadata"] = true
			if err := json.Unmarshal(raw, (*map[string]json.RawMessage)(&o.Metadata)); err != nil || o.Metadata == nil {
				return nil, &ParseError{Where: where, Problem: "metadata: expected an object, got " + jsonKind(raw)}
			}
		}
		if o.Type == "execute_result" {
			if raw, ok := m["execution_count"]; ok {
				known["execution_count"] = true
				if err := json.Unmarshal(raw, &o.ExecutionCount); err != nil {
					return nil, &ParseError{Where: where, Problem: "execution_count: expected an integer or null, got " + jsonKind(raw)}
				}
			}
		}
	case "error":
		if err := str("ename", &o.EName); err != nil {
			return nil, err
		}
		if err := str("evalue", &o.EValue); err != nil {
			return nil, err
		}
		if raw, ok := m["traceback"]; ok {
			known["traceback"] = true
			if err := json.Unmarshal(raw, &o.Traceback); err != nil {
				return nil, &ParseError{Where: where, Problem: "traceback: expected a list of strings, got " + jsonKind(raw)}
			}
		}
	default:
		return nil, &ParseError{Where: where, Problem: fmt.Sprintf("output_type: expected stream, execute_result, display_data or error, got %q", o.Type)}
	}
	for k, v := range m {
		if !known[k] {
			o.Extra[k] = v
		}
	}
	return o, nil
}

// Write encodes the notebook the way nbformat does: one-space indent, sorted
// keys, multi-line strings as lists of lines, non-ASCII kept, a final newline.
func (nb *Notebook) Write() ([]byte, error) {
	top := map[string]any{}
	for k, v := range nb.Extra {
		top[k] = v
	}
	top["nbformat"] = nb.Format
	top["nbformat_minor"] = nb.FormatMinor
	md := nb.Metadata
	if md == nil {
		md = Metadata{}
	}
	top["metadata"] = map[string]json.RawMessage(md)
	cells := make([]any, 0, len(nb.Cells))
	for _, c := range nb.Cells {
		cells = append(cells, c.toJSON(nb.FormatMinor >= 5))
	}
	top["cells"] = cells
	b, err := marshalNoEscape(top)
	if err != nil {
		return nil, err
	}
	var out bytes.Buffer
	if err := json.Indent(&out, b, "", " "); err != nil {
		return nil, err
	}
	out.WriteByte('\n')
	return out.Bytes(), nil
}

func (c *Cell) toJSON(withID bool) map[string]any {
	m := map[string]any{}
	for k, v := range c.Extra {
		m[k] = v
	}
	m["cell_type"] = c.Type
	m["source"] = splitLines(c.Source)
	md := c.Metadata
	if md == nil {
		md = Metadata{}
	}
	m["metadata"] = map[string]json.RawMessage(md)
	if withID && c.ID != "" {
		m["id"] = c.ID
	}
	if len(c.Attachments) > 0 {
		m["attachments"] = c.Attachments
	}
	if c.Type == "code" {
		m["execution_count"] = c.ExecutionCount
		outs := make([]any, 0, len(c.Outputs))
		for _, o := range c.Outputs {
			outs = append(outs, o.toJSON())
		}
		m["outputs"] = outs
	}
	return m
}

func (o *Output) toJSON() map[string]any {
	m := map[string]any{}
	for k, v := range o.Extra {
		m[k] = v
	}
	m["output_type"] = o.Type
	switch o.Type {
	case "stream":
		m["name"] = o.Name
		m["text"] = splitLines(o.Text)
	case "execute_result", "display_data":
		data := o.Data
		if data == nil {
			data = MIMEBundle{}
		}
		m["data"] = map[string]json.RawMessage(data)
		md := o.Metadata
		if md == nil {
			md = Metadata{}
		}
		m["metadata"] = map[string]json.RawMessage(md)
		if o.Type == "execute_result" {
			m["execution_count"] = o.ExecutionCount
		}
	case "error":
		m["ename"] = o.EName
		m["evalue"] = o.EValue
		tb := o.Traceback
		if tb == nil {
			tb = []string{}
		}
		m["traceback"] = tb
	}
	return m
}

func marshalNoEscape(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimRight(buf.Bytes(), "\n"), nil
}

// EnsureIDs gives every cell without a valid id a deterministic one (derived
// from the cell's position and source), unique within the notebook, and
// raises nbformat_minor to 5 so the ids are written.
func (nb *Notebook) EnsureIDs() {
	if nb.FormatMinor < 5 {
		nb.FormatMinor = 5
	}
	seen := map[string]bool{}
	for i, c := range nb.Cells {
		if c.ID != "" && cellIDPattern.MatchString(c.ID) && !seen[c.ID] {
			seen[c.ID] = true
			continue
		}
		for salt := 0; ; salt++ {
			h := sha256.Sum256([]byte(fmt.Sprintf("%d\x00%d\x00%s\x00%s", i, salt, c.Type, c.Source)))
			id := hex.EncodeToString(h[:4])
			if !seen[id] {
				c.ID = id
				seen[id] = true
				break
			}
		}
	}
}

// New returns an empty nbformat 4.5 notebook with nnbook's kernelspec and
// language_info.
func New() *Notebook {
	nb := &Notebook{Format: 4, FormatMinor: 5, Metadata: Metadata{}, Extra: map[string]json.RawMessage{}}
	nb.SetKernelMetadata()
	return nb
}
