package kernel

import (
	"context"
	"testing"
	"time"
)

// TestInterruptFitReturns: a cell whose Fit stops on the cancelled context
// and then returns normally is still an interrupted cell.
func TestInterruptFitReturns(t *testing.T) {
	e := newEngine(t)
	mustValue(t, e, "net := nnlib.New(2, 32, 32, 2)\nd := nnlib.TwoMoons(2000, 0.1, 1)\nd.Len()")
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(300*time.Millisecond, cancel)
	parts, err := run(t, e, ctx, "net.Fit(d, nnlib.FitOptions{Epochs: 1000000, BatchSize: 1})\nafter := 1")
	if ce, ok := err.(*CellError); !ok || ce.Name != "Interrupted" {
		t.Fatalf("err = %v (parts %v), want an Interrupted CellError", err, parts)
	}
	if got := mustValue(t, e, "d.Len()"); got != "2000" {
		t.Errorf("d.Len() after interrupt = %s", got)
	}
}

// TestSetLiveDisplay: without the live display, training emits no figures.
func TestSetLiveDisplay(t *testing.T) {
	e := newEngine(t)
	for _, on := range []bool{false, true} {
		e.SetLiveDisplay(on)
		parts, err := run(t, e, context.Background(), "h, _ := nnlib.New(2, 2, 1).Fit(nnlib.XOR(), nnlib.FitOptions{Epochs: 3})")
		if err != nil {
			t.Fatal(err)
		}
		displays := 0
		for _, p := range parts {
			if p.Kind == Display || p.Kind == UpdateDisplay {
				displays++
			}
		}
		if on && displays == 0 || !on && displays != 0 {
			t.Errorf("live display %v: %d display parts", on, displays)
		}
	}
}

// TestTopLevelDefines: definitions from index and selector chains on compiled
// values (yaegi's global analysis cannot type them: yaegi#1437).
func TestTopLevelDefines(t *testing.T) {
	e := newEngine(t)
	cells := []struct{ code, want string }{
		{"h, _ := nnlib.New(2, 2, 1).Fit(nnlib.XOR(), nnlib.FitOptions{Epochs: 2})\nlen(h.Epochs)", "2"},
		{"a := h.Epochs[0].Epoch\na", "1"},
		{"a := h.Epochs[1].Epoch\nb := a + 10\nb", "12"},
		{"ep := h.Epochs[0]\nep.Epoch", "1"},
		{"var v = h.Epochs[1].Epoch\nv", "2"},
		{"s := \"abc\"\nc := s[1]\nc", "98"},
		{"f := plot.Loss(h)\nser := f.Series()[0]\nser.Name != \"\" || true", "true"},
		{"x, y := h.Epochs[0].Epoch, h.Epochs[1].Epoch\nx + y", "3"},
		{"a", "2"},
		{"h.Epochs[0].Epoch", "1"},
	}
	for _, c := range cells {
		if got := mustValue(t, e, c.code); got != c.want {
			t.Errorf("%s\n= %s, want %s", c.code, got, c.want)
		}
	}
}
