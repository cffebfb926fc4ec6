package plot

import (
	"context"
	"errors"
	"testing"

	"github.com/nnbook/nnbook/nnlib"
)

// TestStoppedCell: under a done cell context (the kernel's interrupt) the
// figures that run a network over data, and every rendering, stop with an
// error wrapping the context's cause; once it is cleared they draw again.
func TestStoppedCell(t *testing.T) {
	n := nnlib.New(2, 4, 2)
	moons := nnlib.TwoMoons(200, 0.1, 1)
	digits := make([][]float64, 600)
	for i := range digits {
		digits[i] = make([]float64, 16)
	}
	curve := Values("E", geometric(1, 0.01, 1000))
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	nnlib.SetCellContext(ctx)
	defer nnlib.SetCellContext(nil)
	figs := map[string]*Figure{
		"Boundary": Boundary(n, moons),
		"Digits":   Digits(digits, nil, nil, 0),
	}
	for name, f := range figs {
		if err := f.Err(); !errors.Is(err, context.Canceled) {
			t.Errorf("%s under a stopped cell: Err() = %v, want context.Canceled", name, err)
		}
	}
	if _, err := curve.PNG(); !errors.Is(err, context.Canceled) {
		t.Errorf("PNG under a stopped cell: %v, want context.Canceled", err)
	}
	nnlib.SetCellContext(nil)
	decode(t, curve) // the stop left nothing behind
	decode(t, Boundary(n, moons))
}
