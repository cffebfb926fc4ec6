package plot

import (
	"strings"
	"testing"

	"github.com/nnbook/nnbook/nnlib"
)

func nodeNames(lay *netLayout) string {
	out := make([]string, len(lay.nodes))
	for i, n := range lay.nodes {
		out[i] = n.name
	}
	return strings.Join(out, " ")
}

func edgeLabels(lay *netLayout) string {
	var out []string
	for _, e := range lay.edges {
		out = append(out, e.label)
	}
	return strings.Join(out, "|")
}

// The worked example draws as the seed's figure: i1 i2, h1 h2, o1 o2, b1
// and b2, w1..w8 written on their connections (seed README values).
func TestNetworkWorkedExample(t *testing.T) {
	f := Network(nnlib.WorkedExample())
	if err := f.Err(); err != nil {
		t.Fatal(err)
	}
	lay := f.panels[0].(*netPanel).lay
	if got := nodeNames(lay); got != "i1 i2 h1 h2 o1 o2 b1 b2" {
		t.Fatalf("nodes = %s", got)
	}
	want := "w1 0.15|w2 0.20|w3 0.25|w4 0.30|w5 0.40|w6 0.45|w7 0.50|w8 0.55||||"
	if got := edgeLabels(lay); got != want {
		t.Fatalf("edge labels = %q\nwant          %q", got, want)
	}
	// The shared biases are written under their nodes.
	if b1, b2 := lay.nodes[6].label, lay.nodes[7].label; b1 != "0.35" || b2 != "0.60" {
		t.Fatalf("bias labels = %q, %q; want 0.35, 0.60", b1, b2)
	}
	if got := f.String(); got != `Figure "Network 2-2-2" 510×480 (1 network)` {
		t.Errorf("String() = %q", got)
	}
	img := decode(t, f)
	requireDrawn(t, img, 5000)
	if n := countNear(img, blue, 30); n < 200 {
		t.Errorf("only %d blue pixels: the positive weights are missing", n)
	}
	if n := countNear(img, red, 30); n > 0 {
		t.Errorf("%d red pixels, but every weight of the worked example is positive", n)
	}
}

func TestNetworkLabelsAndScale(t *testing.T) {
	tests := []struct {
		sizes    []int
		nodes    int // circles drawn (with bias nodes)
		ellipses int
		labelled bool // weights written on connections
	}{
		{[]int{2, 4, 1}, 7 + 2, 0, true},
		{[]int{4, 8, 3}, 15, 0, true},
		{[]int{2, 10, 10, 2}, 24, 0, true},
		{[]int{4, 11, 3}, 18, 0, false},
		{[]int{784, 30, 10}, 15 + 15 + 10, 2, false}, // 8 + ⋮ + 7 of 784 and of 30
	}
	for _, tc := range tests {
		n := nnlib.New(tc.sizes...)
		f := Network(n)
		lay := f.panels[0].(*netPanel).lay
		name := n.Shape()
		if len(lay.nodes) != tc.nodes || len(lay.ellipses) != tc.ellipses {
			t.Errorf("%s: %d nodes, %d ellipses; want %d, %d", name, len(lay.nodes), len(lay.ellipses), tc.nodes, tc.ellipses)
		}
		labelled := strings.Trim(edgeLabels(lay), "|") != ""
		if labelled != tc.labelled {
			t.Errorf("%s: weights written = %v, want %v", name, labelled, tc.labelled)
		}
		img := decode(t, f)
		// Xavier initialisation gives weights of both signs.
		if b, r := countNear(img, blue, 60), countNear(img, red, 60); b < 50 || r < 50 {
			t.Errorf("%s: %d blue and %d red pixels; want both signs drawn", name, b, r)
		}
	}
}

func TestShown(t *testing.T) {
	if got := shown(3); len(got) != 3 || got[2] != 2 {
		t.Fatalf("shown(3) = %v", got)
	}
	got := shown(784)
	if len(got) != maxShown || got[0] != 0 || got[8] != -1 || got[len(got)-1] != 783 {
		t.Fatalf("shown(784) = %v; want 0..7, -1, 777..783", got)
	}
}

func TestFmtNum(t *testing.T) {
	for v, want := range map[float64]string{
		0.15: "0.15", 0.4: "0.40", 0.35891648: "0.359", -1.2345: "-1.23",
		0.000438568: "0.000439", 12.5: "12.5", 0: "0", -3: "-3.00",
	} {
		if got := fmtNum(v); got != want {
			t.Errorf("fmtNum(%v) = %q, want %q", v, got, want)
		}
	}
}

// The figure is a snapshot; before and after share one line scale.
func TestNetworkBeforeAfter(t *testing.T) {
	net := nnlib.WorkedExample()
	before := net.Clone()
	f0 := Network(net)
	if _, err := net.Fit(nnlib.WorkedExampleData(), nnlib.FitOptions{Epochs: 1, BatchSize: 1}); err != nil {
		t.Fatal(err)
	}
	if got := f0.panels[0].(*netPanel).lay.edges[4].label; got != "w5 0.40" {
		t.Fatalf("the figure changed with the network: w5 label %q", got)
	}
	f := NetworkBeforeAfter(before, net)
	if len(f.Plots()) != 2 || f.String() != `Figure "Before and after training" 1020×480 (2 networks)` {
		t.Fatalf("got %v", f)
	}
	after := f.panels[1].(*netPanel).lay
	// Seed README: after one update w5 = 0.35891648.
	if got := after.edges[4].label; got != "w5 0.359" {
		t.Fatalf("after one step w5 label = %q, want w5 0.359", got)
	}
	if a, b := f.panels[0].(*netPanel).lay.scale, after.scale; a != b {
		t.Fatalf("line scales differ: %v before, %v after", a, b)
	}
	decode(t, f)

	_, err := NetworkBeforeAfter(nnlib.New(2, 3, 1), nnlib.New(2, 4, 1)).PNG()
	if err == nil || !strings.Contains(err.Error(), "2-3-1 before, 2-4-1 after") {
		t.Fatalf("shape mismatch error = %v", err)
	}
	if _, err := Network(nil).PNG(); err == nil {
		t.Fatal("Network(nil) rendered")
	}
}

// Every kind of figure renders as SVG too.
func TestEveryKindAsSVG(t *testing.T) {
	h := history("lr=0.5", 10, decay(0.3), decay(0.2), rising)
	figs := map[string]*Figure{
		"loss":     Loss(h),
		"accuracy": Accuracy(h),
		"both":     LossAndAccuracy(h),
		"network":  Network(nnlib.WorkedExample()),
		"before":   NetworkBeforeAfter(nnlib.New(3, 12, 2), nnlib.New(3, 12, 2)),
		"boundary": Boundary(nnlib.New(2, 3, 2), nnlib.Spirals(50, 0.05, 1)),
		"digits":   Digits([][]float64{synthDigit(0), synthDigit(1)}, []int{0, 1}, []int{0, 7}, 0),
	}
	for name, f := range figs {
		b, err := f.SVG()
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if !strings.HasPrefix(string(b), "<?xml") || !strings.Contains(string(b), "</svg>") || len(b) < 2000 {
			t.Errorf("%s: %d bytes of SVG, not a whole document", name, len(b))
		}
	}
}
