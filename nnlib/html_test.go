package nnlib

import (
	"encoding/xml"
	"fmt"
	"math"
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

// TestSparkPoints checks that a long run is drawn with at most two points
// per pixel column, keeping each column's extremes, and a short one with
// every finite value.
func TestSparkPoints(t *testing.T) {
	long := make([]float64, 10000)
	for i := range long {
		long[i] = 1 / float64(i+1)
	}
	long[5000] = math.NaN()
	long[7000] = 2 // a spike must survive the thinning
	tests := []struct {
		name   string
		values []float64
		width  int
		want   []int // nil: only check the bound and the extremes
	}{
		{"short", []float64{3, 2, math.Inf(1), 1}, 160, []int{0, 1, 3}},
		{"long", long, 160, nil},
	}
	for _, tt := range tests {
		got := sparkPoints(tt.values, tt.width)
		if tt.want != nil {
			if fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("%s: sparkPoints = %v, want %v", tt.name, got, tt.want)
			}
			continue
		}
		if len(got) > 2*tt.width {
			t.Errorf("%s: %d points for width %d, want at most %d", tt.name, len(got), tt.width, 2*tt.width)
		}
		has := map[int]bool{}
		for k, i := range got {
			if k > 0 && i <= got[k-1] {
				t.Errorf("%s: indexes out of order at %d: %v", tt.name, k, got[k-1:k+1])
			}
			if math.IsNaN(tt.values[i]) {
				t.Errorf("%s: NaN at %d drawn", tt.name, i)
			}
			has[i] = true
		}
		if !has[0] || !has[7000] {
			t.Errorf("%s: the first value or the spike is missing", tt.name)
		}
	}
	if s := (&History{Epochs: make([]EpochStats, 10000)}).HTML(); len(s) > 20000 {
		t.Errorf("History of 10,000 epochs as HTML is %d bytes, want under 20,000", len(s))
	}
}
