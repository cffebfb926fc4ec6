package kernel

import (
	"context"
	"errors"
	"fmt"
	"testing"
)

// TestExitCode reads the status from what the engine reports for a cell that
// calls os.Exit, and refuses every other error.
func TestExitCode(t *testing.T) {
	e, err := New()
	if err != nil {
		t.Fatal(err)
	}
	run := func(code string) error { return e.Execute(context.Background(), code, nil) }
	tests := []struct {
		name string
		err  error
		code int
		ok   bool
	}{
		{"os.Exit(3)", run("defer fmt.Println(\"not printed\")\nos.Exit(3)"), 3, true},
		{"os.Exit(0)", run("os.Exit(0)"), 0, true},
		{"wrapped", fmt.Errorf("line 4: %w", run("os.Exit(-1)")), -1, true},
		{"panic", run(`panic("os.Exit(3)")`), 0, false},
		{"compile error", run("os.Exit(\"3\")"), 0, false},
		{"plain error", errors.New("os.Exit(3)"), 0, false},
		{"nil", nil, 0, false},
	}
	for _, tc := range tests {
		code, ok := ExitCode(tc.err)
		if code != tc.code || ok != tc.ok {
			t.Errorf("%s: ExitCode(%v) = %d, %v; want %d, %v", tc.name, tc.err, code, ok, tc.code, tc.ok)
		}
	}
}
