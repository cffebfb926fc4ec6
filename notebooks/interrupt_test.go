//go:build unix

package notebooks

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/nnbook/nnbook/kernel"
)

// TestRunTimeoutUnstoppable runs a cell that overruns --timeout inside a
// compiled call that does not watch the cell's context (opening a FIFO
// nobody writes to): its error says the call still runs, the next cell is
// refused rather than run against half-changed state, and once the call
// returns the cell's next statement never runs.
func TestRunTimeoutUnstoppable(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "fifo")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	eng, err := kernel.New()
	if err != nil {
		t.Fatal(err)
	}
	nb := ReadScript([]byte(`// %%
late := 0
// %%
f, _ := os.Open(` + "`" + fifo + "`" + `)
late = 1
// %%
late
`))
	Run(context.Background(), nb, eng, Options{Name: "stuck.go", Timeout: 200 * time.Millisecond, AllowErrors: true})
	t.Logf("timed-out cell:\n%s\nnext cell:\n%s", outputText(&Notebook{Cells: nb.Cells[1:2]}), outputText(&Notebook{Cells: nb.Cells[2:3]}))
	if got := outputText(&Notebook{Cells: nb.Cells[1:2]}); !strings.Contains(got, "Timeout") || !strings.Contains(got, "still inside os.Open") {
		t.Errorf("the timed-out cell's outputs do not say what still runs:\n%s", got)
	}
	if got := outputText(&Notebook{Cells: nb.Cells[2:3]}); !strings.Contains(got, "not run: the interrupted cell is still inside os.Open") {
		t.Errorf("the next cell was not refused:\n%s", got)
	}
	// Let the call return: the next cell waits for it, then reads late.
	w, err := os.OpenFile(fifo, os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	after := ReadScript([]byte("late\n"))
	if err := Run(context.Background(), after, eng, Options{Name: "after.go"}); err != nil {
		t.Fatal(err)
	}
	if got := outputText(after); !strings.Contains(got, "\n0\n") && !strings.HasPrefix(got, "0\n") {
		t.Errorf("late after the call returned:\n%s", got)
	}
}

// TestRunAfterFuncPanic runs a script whose time.AfterFunc callback panics:
// as in Go, the panic ends the cell that started it (a failed run, exit 1,
// the partial notebook written), and the process does not die.
func TestRunAfterFuncPanic(t *testing.T) {
	eng, err := kernel.New()
	if err != nil {
		t.Fatal(err)
	}
	nb := ReadScript([]byte(`// %%
done := make(chan bool)
time.AfterFunc(time.Millisecond, func() { defer close(done); panic("boom") })
<-done
time.Sleep(100 * time.Millisecond)
// %%
1 + 1
`))
	err = Run(context.Background(), nb, eng, Options{Name: "afterfunc.go"})
	var ce *CellError
	if !errors.As(err, &ce) || !strings.Contains(err.Error(), "Panic: boom") {
		t.Fatalf("Run: %v, want the callback's panic as the first cell's error", err)
	}
	if got := outputText(&Notebook{Cells: nb.Cells[:1]}); !strings.Contains(got, "boom") {
		t.Errorf("the first cell's output lacks the panic: %q", got)
	}
	// The engine goes on: the next cell runs.
	var out strings.Builder
	if err := eng.Execute(context.Background(), "1 + 1", func(p kernel.Part) { out.WriteString(p.Text) }); err != nil || !strings.Contains(out.String(), "2") {
		t.Errorf("a cell after the panic: %v, %q", err, out.String())
	}
}
