package kernel

import (
	"context"
	"math"
	"os"
	"os/exec"
	"runtime"
	"testing"
)

func TestRetainedFieldsExist(t *testing.T) {
	e := newEngine(t)
	if !rootsField(e.in).IsValid() {
		t.Error("yaegi's Interpreter has no roots slice any more: update kernel/retention.go")
	}
	if len(scopeChildren(e.in)) == 0 {
		t.Error("yaegi's scopes have no child slice any more: update kernel/retention.go")
	}
}

// retentionChild marks the process TestCellsDoNotAccumulate measures in.
const retentionChild = "NNBOOK_RETENTION_CHILD"

// liveHeap is the heap in use after two collections.
func liveHeap() uint64 {
	runtime.GC()
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc
}

// TestCellsDoNotAccumulate runs each kind of cell many times and checks what
// stays alive per cell: before the engine dropped yaegi's syntax trees and
// stopped wrapping final values in a function literal, a trivial cell kept
// 12.7 KiB.
func TestCellsDoNotAccumulate(t *testing.T) {
	if raceEnabled || testing.Short() {
		t.Skip("memory accounting is not meaningful under -race; slow under -short")
	}
	// Other tests of this package leave goroutines behind on purpose (cells
	// stuck in calls that ignore interrupts, background work) that allocate
	// while this test counts: measure in a process of its own.
	if os.Getenv(retentionChild) != "1" {
		cmd := exec.Command(os.Args[0], "-test.run=^TestCellsDoNotAccumulate$", "-test.v")
		cmd.Env = append(os.Environ(), retentionChild+"=1")
		out, err := cmd.CombinedOutput()
		t.Logf("in a process of its own:\n%s", out)
		if err != nil {
			t.Fatal(err)
		}
		return
	}
	const runs = 200
	const limit = 3 << 10 // bytes per cell
	e := newEngine(t)
	for _, c := range []struct{ name, setup, cell string }{
		{"value", "", "1"},
		{"define", "", "x := 1"},
		{"assign", "var y int", "y = 2"},
		{"call with error", "", `fmt.Println("")`},
		{"string method", "n := nnlib.New(2, 2, 1)", "n"},
		{"two results", "f := func() (int, string) { return 1, \"a\" }", "f()"},
		// Defining a variable again replaces its value (redefine.go); yaegi
		// alone kept every old 256 KiB slice.
		{"define again", "big := make([]float64, 1<<15)", "big := make([]float64, 1<<15)"},
	} {
		t.Run(c.name, func(t *testing.T) {
			if c.setup != "" {
				if err := e.Execute(context.Background(), c.setup, nil); err != nil {
					t.Fatal(err)
				}
			}
			// What a cell keeps shows in every round; what else the
			// process allocates meanwhile (the runtime, other goroutines)
			// does not, so the least growth of three rounds is the measure.
			per := math.Inf(1)
			for round := 0; round < 3; round++ {
				before := liveHeap()
				for i := 0; i < runs; i++ {
					if err := e.Execute(context.Background(), c.cell, nil); err != nil {
						t.Fatal(err)
					}
				}
				per = math.Min(per, (float64(liveHeap())-float64(before))/runs)
			}
			t.Logf("%q keeps %.0f B per cell", c.cell, per)
			if per > limit {
				t.Errorf("%q keeps %.0f bytes alive per cell, want at most %d", c.cell, per, limit)
			}
		})
	}
}
