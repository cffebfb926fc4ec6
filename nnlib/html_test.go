package nnlib

import (
	"encoding/xml"
	"strings"
	"testing"
)

// wellFormed fails the test when s is not well-formed XML (our HTML is).
func wellFormed(t *testing.T, name, s string) {
	t.Helper()
	d := xml.NewDecoder(strings.NewReader(s))
	d.Strict = true
	for {
		_, err := d.Token()
		if err != nil {
			if err.Error() != "EOF" {
				t.Errorf("%s: not well-formed: %v\n%s", name, err, s)
			}
			return
		}
	}
}

func TestHTMLForms(t *testing.T) {
	n := WorkedExample()
	tr, err := n.Trace(WorkedInput(), WorkedTarget())
	if err != nil {
		t.Fatal(err)
	}
	h, err := WorkedExample().Fit(WorkedExampleData(), FitOptions{Epochs: 5})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name string
		html string
		want []string
	}{
		// The seed's numbers (nnlib/testdata/blog-example.json): net_h1,
		// out_o1, δ_o1, ∂E/∂w5 and the updated w5.
		{"trace", tr.HTML(), []string{"<th>net</th>", "<td>0.3775</td>", "<td>0.7513650696</td>", "<th>δ = ∂E/∂net</th>",
			"<td>0.1384985616</td>", "<td>w5</td>", "<td>0.08216704056</td>", "<td>0.4</td><td>0.3589164797</td>", "<h4>3. Output layer"}},
		{"history", h.HTML(), []string{"<svg", "<polyline", "<th>epoch</th><th>loss</th>", "<td>0.298371</td>"}},
		{"network", n.HTML(), []string{"<svg", "<circle", ">h1</text>", "<td>w5=0.4</td>"}},
		{"dataset", XOR().HTML(), []string{"<table>", "<th>a</th><th>b</th><th>t0</th><th>class</th>", "<tr><td>0</td><td>1</td><td>1</td><td>1</td></tr>"}},
		{"iris", Iris().HTML(), []string{"<th>class</th>", "<td>setosa</td>"}},
	} {
		for _, w := range c.want {
			if !strings.Contains(c.html, w) {
				t.Errorf("%s: no %q in\n%s", c.name, w, c.html)
			}
		}
		wellFormed(t, c.name, c.html)
	}
	var nilTrace *Trace
	if nilTrace.HTML() != "" {
		t.Error("nil Trace has HTML")
	}
}

func TestTextHTMLCutsColumnsByRunes(t *testing.T) {
	got := textHTML("title\nδ    ∂E/∂w\n---  -----\nα    1\nnot a row: x\n")
	want := `<div class="nnlib"><p><b>title</b></p>
<table>
<thead><tr><th>δ</th><th>∂E/∂w</th></tr></thead>
<tbody>
<tr><td>α</td><td>1</td></tr>
</tbody>
</table>
<p>not a row: x</p>
</div>`
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}
