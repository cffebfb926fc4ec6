package nnlib

import (
	"strings"
	"testing"
)

// TestWorkedExampleTrace checks every value under first_step of
// blog-example.json: programmatically (to 1e-12) and in the printout.
func TestWorkedExampleTrace(t *testing.T) {
	ref := loadRef(t)
	net := WorkedExample()
	before := net.Params()
	tr, err := net.Trace(WorkedInput(), WorkedTarget())
	if err != nil {
		t.Fatal(err)
	}
	for i, p := range net.Params() {
		if p != before[i] {
			t.Fatalf("Trace changed %s", net.ParamName(i))
		}
	}
	text := tr.String()
	first := ref.get(t, "first_step").(map[string]any)
	n := 0
	for section, v := range first {
		for key, val := range v.(map[string]any) {
			var pairs [][2]any
			switch x := val.(type) {
			case float64:
				pairs = append(pairs, [2]any{key, x})
			case []any:
				for i, e := range x {
					pairs = append(pairs, [2]any{key + "[" + string(rune('0'+i)) + "]", e.(float64)})
				}
			}
			for _, p := range pairs {
				k, want := p[0].(string), p[1].(float64)
				got, ok := tr.Lookup(section + "." + k)
				if !ok {
					t.Errorf("trace has no %s.%s", section, k)
					continue
				}
				n++
				if !near(got, want, 1e-12) {
					t.Errorf("%s.%s = %.17g, want %.17g", section, k, got, want)
				} else if got != want {
					// The reference comes from Python (glibc's exp); nnlib's
					// exp rounds as it does (see exp.go).
					t.Errorf("%s.%s = %.17g, want the reference's bits %.17g", section, k, got, want)
				}
				if !strings.Contains(text, fmtNum(want)) {
					t.Errorf("%s.%s: printout lacks %s", section, k, fmtNum(want))
				}
			}
		}
	}
	if n < 59 { // every number under first_step
		t.Errorf("checked only %d values", n)
	}
	// bare keys
	if tr.Value("delta_o1") != tr.Value("output_layer.delta_o1") || tr.Value("E_total") != tr.ETotal {
		t.Error("bare keys do not resolve")
	}
	for _, want := range []string{"i1", "h1", "o1", "w1", "w8", "b1", "b2", "E_total"} {
		if !strings.Contains(text, want) {
			t.Errorf("printout lacks name %s", want)
		}
	}
	t.Log("\n" + text)
}

func TestTraceStepEqualsTrain(t *testing.T) {
	for _, pub := range []bool{false, true} {
		a, b := WorkedExample(), WorkedExample()
		a.SetPublishedVariant(pub)
		b.SetPublishedVariant(pub)
		tr, err := a.TraceStep(WorkedInput(), WorkedTarget())
		if err != nil {
			t.Fatal(err)
		}
		b.Train(WorkedInput(), WorkedTarget())
		for i := 0; i < a.NumParams(); i++ {
			if a.Param(i) != b.Param(i) {
				t.Errorf("published=%v: %s TraceStep %v Train %v", pub, a.ParamName(i), a.Param(i), b.Param(i))
			}
		}
		e, _ := b.SampleLoss(WorkedInput(), WorkedTarget())
		if tr.ETotalAfter != e {
			t.Errorf("after: %v vs %v", tr.ETotalAfter, e)
		}
	}
}

// TestTraceGeneral: a deeper network with other activations and losses; the
// ledger's gradients equal Gradient().
func TestTraceGeneral(t *testing.T) {
	cases := []struct {
		sizes []int
		opts  []Option
	}{
		{[]int{3, 4, 2}, nil},
		{[]int{2, 3, 3, 3}, []Option{WithHidden(Tanh), WithLoss(CrossEntropy)}},
		{[]int{2, 5, 1}, []Option{WithHidden(LeakyReLU), WithLoss(BinaryCrossEntropy)}},
		{[]int{3, 2, 2}, []Option{WithHidden(ReLU), WithOutput(Linear), WithLoss(MSE), WithInit(Uniform)}},
	}
	for _, c := range cases {
		net, err := Build(c.sizes, c.opts...)
		if err != nil {
			t.Fatal(err)
		}
		x := make([]float64, c.sizes[0])
		for i := range x {
			x[i] = 0.3*float64(i) - 0.2
		}
		y := make([]float64, c.sizes[len(c.sizes)-1])
		y[0] = 1
		tr, err := net.Trace(x, y)
		if err != nil {
			t.Fatal(err)
		}
		g, _ := net.Gradient(x, y)
		for i := range g {
			name := net.ParamName(i)
			v, ok := tr.Lookup("dE_d" + name)
			if !ok {
				t.Errorf("%v: no dE_d%s in trace", c.sizes, name)
				continue
			}
			if !near(v, g[i], 1e-12) {
				t.Errorf("%v: dE_d%s = %v, Gradient %v", c.sizes, name, v, g[i])
			}
		}
		e, _ := net.SampleLoss(x, y)
		if !near(tr.ETotal, e, 1e-12) {
			t.Errorf("%v: E_total %v vs %v", c.sizes, tr.ETotal, e)
		}
		if !strings.Contains(tr.String(), "L1[0]") {
			t.Errorf("%v: printout lacks L1[0]", c.sizes)
		}
	}
}
