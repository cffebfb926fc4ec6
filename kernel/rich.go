package kernel

import (
	"bytes"
	"fmt"
	"image"
	"image/png"
	"reflect"
	"sort"
	"strings"

	"github.com/nnbook/nnbook/kernel/symbols"
	"github.com/nnbook/nnbook/nnlib/plot"
	gplot "gonum.org/v1/plot"
)

// Rich values.
//
// A value is shown with every MIME type its methods give (see the display
// package): HTML() string, Markdown() string, LaTeX() string, PNG() ([]byte,
// error), SVG() ([]byte, error), MIME() map[string][]byte, or being an
// image.Image or a gonum *plot.Plot.
//
// yaegi hides the methods of types defined in cells from compiled code (and
// even from interpreted code once the value is in an interface{}: its type
// assertions then fail). Only an expression of the value's static type can
// call them. So, when a type defined in a cell has one of these methods,
// the engine asks after the final value was stored in its global __nnvN:
// it evaluates __rt.Rich(N, "HTML", __nnvN.HTML) for each such method name,
// and an evaluation that does not compile means the value has no such
// method (richOf). Values of compiled types are looked at directly
// (compiledMIME).

// richMethods maps the method names of rich values to their MIME types.
var richMethods = map[string]string{
	"MIME":     "",
	"HTML":     "text/html",
	"Markdown": "text/markdown",
	"LaTeX":    "text/latex",
	"PNG":      "image/png",
	"SVG":      "image/svg+xml",
}

// richErrKey carries, inside MIME data, why a method failed.
const richErrKey = "application/x-nnbook-error"

// richSymbols are the compiled helpers of the rich values, part of __rt.
func (e *Engine) richSymbols() map[string]reflect.Value {
	return map[string]reflect.Value{
		"Wrap": reflect.ValueOf(wrapValue),
		"Rich": reflect.ValueOf(func(i int, method string, f interface{}) {
			m := callRich(method, f)
			e.valMu.Lock()
			defer e.valMu.Unlock()
			if i < len(e.vals) {
				if e.vals[i].rich == nil {
					e.vals[i].rich = map[string][]byte{}
				}
				for k, b := range m {
					e.vals[i].rich[k] = b
				}
			}
		}),
	}
}

// callRich calls a method value of a rich method and returns its MIME data.
func callRich(method string, f interface{}) (m map[string][]byte) {
	m = map[string][]byte{}
	defer func() {
		if r := recover(); r != nil {
			m = map[string][]byte{richErrKey: []byte(fmt.Sprint(method, ": panic: ", r))}
		}
	}()
	out := reflect.ValueOf(f).Call(nil)
	if len(out) == 2 && !out[1].IsNil() {
		return map[string][]byte{richErrKey: []byte(fmt.Sprint(out[1].Interface()))}
	}
	switch r := out[0].Interface().(type) {
	case string:
		m[richMethods[method]] = []byte(r)
	case []byte:
		if r != nil {
			m[richMethods[method]] = r
		}
	case map[string][]byte:
		for k, b := range r {
			m[k] = b
		}
	}
	return m
}

// cellRichMethods lists the rich method names some type of a cell declares
// with the right signature (PNG before SVG), and which of them only pointer
// receivers declare.
func (e *Engine) cellRichMethods() (out []string, ptrOnly map[string]bool) {
	seen := map[string]bool{}
	ptrOnly = map[string]bool{}
	for t, ms := range e.methods {
		for _, m := range ms {
			sig := e.funcs[t+"."+m]
			if _, ok := richMethods[m]; !ok || !richSignature(m, sig) {
				continue
			}
			ptr := recvIsPointer(sig)
			if !seen[m] {
				ptrOnly[m] = ptr
			} else {
				ptrOnly[m] = ptrOnly[m] && ptr
			}
			seen[m] = true
		}
	}
	for _, m := range []string{"MIME", "HTML", "Markdown", "LaTeX", "PNG", "SVG"} {
		if seen[m] {
			out = append(out, m)
		}
	}
	return out, ptrOnly
}

// richSignature reports whether a method's signature ("func (t T) HTML()
// string" and its doc) is the one its name calls for.
func richSignature(method, sig string) bool {
	sig, _, _ = strings.Cut(sig, "\n")
	sig = strings.Join(strings.Fields(sig), "")
	want := strings.ReplaceAll(richSigs[method], " ", "")
	return want != "" && strings.HasSuffix(sig, want)
}

// richSigs are the rich methods' signatures.
var richSigs = map[string]string{
	"MIME": "MIME() map[string][]byte", "HTML": "HTML() string", "Markdown": "Markdown() string",
	"LaTeX": "LaTeX() string", "PNG": "PNG() ([]byte, error)", "SVG": "SVG() ([]byte, error)",
}

// richOf asks the interpreter for the rich methods of the final values held
// in globals (prefix0, prefix1, …), for every rich method name a cell type
// declares; each answer lands in e.vals via __rt.Rich.
func (e *Engine) richOf(prefix string, n int) {
	methods, ptrOnly := e.cellRichMethods()
	if len(methods) == 0 {
		return
	}
	for i := 0; i < n; i++ {
		e.valMu.Lock()
		if i >= len(e.vals) {
			e.valMu.Unlock()
			return
		}
		v := e.vals[i].v
		e.valMu.Unlock()
		if v == nil {
			continue
		}
		for _, m := range methods {
			if ptrOnly[m] && reflect.TypeOf(v).Kind() != reflect.Pointer {
				continue // Go's method set of T lacks the methods of *T
			}
			if m == "SVG" {
				e.valMu.Lock()
				hasPNG := i < len(e.vals) && e.vals[i].rich["image/png"] != nil
				e.valMu.Unlock()
				if hasPNG {
					continue
				}
			}
			if _, compiled := reflect.TypeOf(v).MethodByName(m); compiled {
				continue // compiledMIME calls it
			}
			// Does not compile when the value has no such method.
			e.eval(fmt.Sprintf("%s.Rich(%d, %q, %s%d.%s)", rtName, i, m, prefix, i, m))
		}
	}
}

// mimeData returns the MIME bundle of a value: text/plain is text, the rest
// comes from what compiled code can see and from rich (what the interpreter
// found; see richOf). note says why a form is
// missing ("" when nothing failed).
func mimeData(v interface{}, text string, rich map[string][]byte) (data map[string][]byte, note string) {
	if w, ok := v.(wrapped); ok {
		v, text, rich = w.v, w.text, w.rich
	}
	data, notes := compiledMIME(v)
	for k, b := range rich {
		if k == richErrKey {
			notes = append(notes, string(b))
			continue
		}
		data[k] = b
	}
	if data["image/png"] == nil {
		// No methods: images and gonum plots.
		b, err := renderPNG(v)
		if err != nil {
			notes = append(notes, err.Error())
		} else if b != nil {
			data["image/png"] = b
		}
	}
	if isGonumPlot(v) && !isNil(v) {
		text = gonumPlotText(v)
	}
	if _, ok := data["text/plain"]; !ok || text != "" {
		data["text/plain"] = []byte(text)
	}
	return data, strings.Join(notes, "; ")
}

// The method sets compiledMIME looks for.
type (
	mimeRenderer     interface{ MIME() map[string][]byte }
	markdownRenderer interface{ Markdown() string }
	latexRenderer    interface{ LaTeX() string }
	svgRenderer      interface{ SVG() ([]byte, error) }
)

// compiledMIME applies __nnrich's rules to a value of a compiled type.
func compiledMIME(v interface{}) (m map[string][]byte, notes []string) {
	m = map[string][]byte{}
	try := func(mime string, f func() ([]byte, error)) {
		defer func() {
			if r := recover(); r != nil {
				notes = append(notes, fmt.Sprint("panic: ", r))
			}
		}()
		b, err := f()
		if err != nil {
			notes = append(notes, err.Error())
		} else if b != nil {
			m[mime] = b
		}
	}
	if isNil(v) {
		return m, nil
	}
	if x, ok := v.(mimeRenderer); ok {
		try("", func() ([]byte, error) {
			for k, b := range x.MIME() {
				m[k] = b
			}
			return nil, nil
		})
	}
	if x, ok := v.(htmlRenderer); ok {
		try("text/html", func() ([]byte, error) { return []byte(x.HTML()), nil })
	}
	if x, ok := v.(markdownRenderer); ok {
		try("text/markdown", func() ([]byte, error) { return []byte(x.Markdown()), nil })
	}
	if x, ok := v.(latexRenderer); ok {
		try("text/latex", func() ([]byte, error) { return []byte(x.LaTeX()), nil })
	}
	if x, ok := v.(pngRenderer); ok {
		try("image/png", x.PNG)
	}
	if x, ok := v.(svgRenderer); ok && m["image/png"] == nil {
		try("image/svg+xml", x.SVG)
	}
	return m, notes
}

// isNil reports whether v is nil or a nil pointer, map, slice or func.
func isNil(v interface{}) bool {
	if v == nil {
		return true
	}
	switch rv := reflect.ValueOf(v); rv.Kind() {
	case reflect.Pointer, reflect.Map, reflect.Slice, reflect.Func, reflect.Interface, reflect.Chan:
		return rv.IsNil()
	}
	return false
}

// renderPNG returns the PNG of an image.Image or a gonum *plot.Plot (nil,
// nil for anything else).
func renderPNG(v interface{}) (b []byte, err error) {
	defer func() {
		if r := recover(); r != nil {
			b, err = nil, fmt.Errorf("panic while rendering: %v", r)
		}
	}()
	if isNil(v) {
		return nil, nil
	}
	switch x := v.(type) {
	case image.Rectangle, *image.Rectangle:
		return nil, nil // an image.Image by its methods, but a value to read
	case image.Image:
		var buf bytes.Buffer
		if err := png.Encode(&buf, x); err != nil {
			return nil, err
		}
		return buf.Bytes(), nil
	}
	if isGonumPlot(v) {
		return gonumPlotPNG(v)
	}
	return nil, nil
}

// isGonumPlot reports whether v is a gonum *plot.Plot.
func isGonumPlot(v interface{}) bool {
	t := reflect.TypeOf(v)
	return t != nil && t.Kind() == reflect.Pointer && t.Elem().Name() == "Plot" && t.Elem().PkgPath() == "gonum.org/v1/plot"
}

// gonumPlotText describes a gonum plot in words (its fields, as fmt prints
// them, are pages of numbers): "gonum plot "Loss"".
func gonumPlotText(v interface{}) string {
	title := reflect.ValueOf(v).Elem().FieldByName("Title").FieldByName("Text").String()
	return fmt.Sprintf("gonum plot %q", title)
}

// gonumPlotPNG draws a gonum *plot.Plot the way nnlib/plot draws its
// figures, through plot.FromPlots.
func gonumPlotPNG(p interface{}) ([]byte, error) {
	return plot.FromPlots(p.(*gplot.Plot)).PNG()
}

// importable lists the packages beside the standard library that cells can
// import, in words: "nnlib, nnlib/plot, … gonum's mat, floats, … and
// gonum/plot's plotter, vg, …".
func importable() string {
	groups := []struct{ prefix, name string }{{"github.com/nnbook/nnbook/", ""}, {"gonum.org/v1/gonum/", "gonum's "}, {"gonum.org/v1/plot", "gonum.org/v1/plot and its "}}
	var out []string
	for _, g := range groups {
		var ps []string
		for _, p := range symbols.Packages {
			if rest, ok := strings.CutPrefix(p, g.prefix); ok && rest != "" {
				ps = append(ps, strings.TrimPrefix(strings.TrimPrefix(rest, "kernel/"), "/"))
			}
		}
		if len(ps) > 0 {
			out = append(out, g.name+strings.Join(ps, ", "))
		}
	}
	return strings.Join(out, "; ")
}

// mimeTypes lists a bundle's types, sorted, for descriptions.
func mimeTypes(data map[string][]byte) []string {
	ts := make([]string, 0, len(data))
	for k := range data {
		ts = append(ts, k)
	}
	sort.Strings(ts)
	return ts
}
