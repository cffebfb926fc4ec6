package kernel

import (
	"context"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/traefik/yaegi/interp"
)

// blockingCells are cells that block in each way a cell can; each prints
// "started" first, then blocks (for an hour, or for ever), then writes the
// session variable ghost.
var blockingCells = []struct{ name, code string }{
	{"time.Sleep", `time.Sleep(time.Hour)`},
	{"time.After", `<-time.After(time.Hour)`},
	{"timer", `tm := time.NewTimer(time.Hour); <-tm.C`},
	{"ticker", `tk := time.NewTicker(time.Hour); for range tk.C { break }`},
	{"channel receive", `ch := make(chan int); <-ch`},
	{"channel send", `ch := make(chan int); ch <- 1`},
	{"range over channel", `ch := make(chan int); for range ch {}`},
	{"select", `ch := make(chan int); select { case <-ch: case <-time.After(time.Hour): }`},
	{"empty select", `select {}`},
	{"WaitGroup.Wait", `var wg sync.WaitGroup; wg.Add(1); wg.Wait()`},
	{"context wait", `c, stop := context.WithTimeout(context.Background(), time.Hour); defer stop(); <-c.Done()`},
	{"goroutine's sleep", `done := make(chan bool); go func() { time.Sleep(time.Hour); ghost = 2; done <- true }(); <-done`},
	{"goroutine's WaitGroup", `var wg sync.WaitGroup; wg.Add(1); go func() { var w2 sync.WaitGroup; w2.Add(1); w2.Wait(); ghost = 3; wg.Done() }(); wg.Wait()`},
}

// interruptWhenStarted runs code and cancels it when it prints "started";
// it returns the cell's error.
func interruptWhenStarted(t *testing.T, e *Engine, code string) error {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var once sync.Once
	return e.Execute(ctx, code, func(p Part) {
		if p.Kind == Stdout && strings.Contains(p.Text, "started") {
			once.Do(cancel)
		}
	})
}

// TestInterruptBlockingCalls interrupts a cell inside every kind of
// blocking call: the reply is Interrupted with nothing left running, and no
// statement of the cell runs afterwards (the stopped evaluation's goroutine
// is gone, so nothing can).
func TestInterruptBlockingCalls(t *testing.T) {
	e := newEngine(t)
	mustValue(t, e, "import (\n\t\"context\"\n\t\"sync\"\n)\nvar ghost int\nghost")
	for _, c := range blockingCells {
		t.Run(c.name, func(t *testing.T) {
			mustValue(t, e, "ghost = 0\nghost")
			err := interruptWhenStarted(t, e, "fmt.Println(\"started\")\n"+c.code+"\nghost = 1")
			ce, ok := err.(*CellError)
			if !ok || ce.Name != "Interrupted" {
				t.Fatalf("err = %v, want Interrupted", err)
			}
			if ce.Value != "interrupted" {
				t.Errorf("reply %q, want plain \"interrupted\" (nothing left running)", ce.Value)
			}
			if st := e.busy(); st != nil {
				t.Errorf("still busy in %s after the reply", st.where)
			}
			if left := abandonedEvals(currentGoroutine()); len(left) > 0 {
				t.Errorf("the stopped evaluation's goroutine still runs: %v", goroutineDump()[left[0]].stack)
			}
			waitNoGoroutines(t, e)
			if got := mustValue(t, e, "ghost"); got != "0" {
				t.Errorf("ghost = %s after the interrupt, want 0", got)
			}
		})
	}
}

// waitNoGoroutines waits until the goroutines cells started have ended.
func waitNoGoroutines(t *testing.T, e *Engine) {
	t.Helper()
	for {
		e.goMu.Lock()
		n := len(e.goroutines)
		e.goMu.Unlock()
		if n == 0 {
			return
		}
		time.Sleep(time.Millisecond)
	}
}

// blocker is a compiled call that does not watch the cell's context: it
// returns when the test closes release.
type blocker struct {
	release chan struct{}
	entered chan struct{} // closed when Block is first called
	once    sync.Once
}

func (b *blocker) Block() {
	b.once.Do(func() { close(b.entered) })
	<-b.release
}

// useBlocker gives the session package tp with tp.B.Block().
func useBlocker(t *testing.T, e *Engine) *blocker {
	t.Helper()
	b := &blocker{release: make(chan struct{}), entered: make(chan struct{})}
	if err := e.in.Use(interp.Exports{"nnbooktest/nnbooktest": {"B": reflect.ValueOf(b)}}); err != nil {
		t.Fatal(err)
	}
	if _, err := e.in.Eval(`import tp "nnbooktest"`); err != nil {
		t.Fatal(err)
	}
	return b
}

// interruptInside runs code and cancels it once it is inside b.Block.
func interruptInside(e *Engine, b *blocker, code string) error {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go func() {
		select {
		case <-b.entered:
			cancel()
		case <-ctx.Done():
		}
	}()
	return e.Execute(ctx, code, nil)
}

// TestInterruptUnstoppable interrupts a cell inside a compiled call that
// does not watch its context: the reply says so, the variables stay
// visible, the next cell waits for the call to return, and the cell's next
// statement never runs.
func TestInterruptUnstoppable(t *testing.T) {
	e := newEngine(t)
	b := useBlocker(t, e)
	mustValue(t, e, "late := 0\nlate")
	err := interruptInside(e, b, "tp.B.Block()\nlate = 1")
	ce, ok := err.(*CellError)
	if !ok || ce.Name != "Interrupted" || !strings.Contains(ce.Value, "still inside") || !strings.Contains(ce.Value, "Block") {
		t.Fatalf("err = %v, want Interrupted naming the call still running", err)
	}
	if vs := e.Vars(); len(vs) != 1 || vs[0].Name != "late" || vs[0].Type != "int" {
		t.Errorf("Vars while the call runs = %v, want [late int]", vs)
	}
	if m, _, _ := e.Complete("la", 2); len(m) != 1 || m[0] != "late" {
		t.Errorf("Complete(la) while the call runs = %v, want [late]", m)
	}
	if text, ok := e.Inspect("late", 4); !ok || !strings.Contains(text, "int") {
		t.Errorf("Inspect(late) while the call runs = %q, %v", text, ok)
	}
	waiting := make(chan struct{})
	var once sync.Once
	var parts []Part
	var mu sync.Mutex
	go func() {
		<-waiting
		close(b.release)
	}()
	err = e.Execute(context.Background(), "late", func(p Part) {
		mu.Lock()
		parts = append(parts, p)
		mu.Unlock()
		if p.Kind == Stderr && strings.Contains(p.Text, "waiting for the interrupted cell") {
			once.Do(func() { close(waiting) })
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	mu.Lock()
	defer mu.Unlock()
	if len(parts) != 2 || parts[1].Kind != Value || parts[1].Text != "0" {
		t.Errorf("next cell: %v, want the waiting note and late = 0", parts)
	}
}

// TestInterruptUnstoppableRefused interrupts the cell that waits for an
// unstoppable one: it is refused with a message and runs nothing.
func TestInterruptUnstoppableRefused(t *testing.T) {
	e := newEngine(t)
	b := useBlocker(t, e)
	defer close(b.release)
	mustValue(t, e, "late := 0\nlate")
	interruptInside(e, b, "tp.B.Block()\nlate = 1")
	ctx, cancel := context.WithCancel(context.Background())
	err := e.Execute(ctx, "late = 2", func(p Part) {
		if p.Kind == Stderr && strings.Contains(p.Text, "waiting for the interrupted cell") {
			cancel()
		}
	})
	ce, ok := err.(*CellError)
	if !ok || ce.Name != "Interrupted" || !strings.HasPrefix(ce.Value, "not run: the interrupted cell is still inside") {
		t.Fatalf("err = %v, want a refusal naming the call", err)
	}
}

// TestInterruptStuckGoroutine interrupts a cell whose goroutine is inside a
// compiled call that does not watch the context: the reply names the
// goroutine, and once the call returns the goroutine writes nothing.
func TestInterruptStuckGoroutine(t *testing.T) {
	e := newEngine(t)
	b := useBlocker(t, e)
	mustValue(t, e, "late := 0\nlate")
	err := interruptInside(e, b, "go func() { tp.B.Block(); late = 1 }()\nselect {}")
	ce, ok := err.(*CellError)
	if !ok || ce.Name != "Interrupted" || !strings.Contains(ce.Value, "the goroutine of `go func(){…}()` at line 1 is still inside") {
		t.Fatalf("err = %v, want Interrupted naming the goroutine", err)
	}
	close(b.release)
	waitNoGoroutines(t, e)
	if got := mustValue(t, e, "late"); got != "0" {
		t.Errorf("late = %s, want 0", got)
	}
	// A later interrupt does not wait for it, nor name it, again.
	err = interruptWhenStarted(t, e, "fmt.Println(\"started\")\nselect {}")
	if ce, ok := err.(*CellError); !ok || ce.Value != "interrupted" {
		t.Errorf("second interrupt: %v", err)
	}
}

// TestInterruptRepeated checks that a goroutine left behind does not
// slow later interrupts: the second interrupt has nothing to wait for.
func TestInterruptRepeated(t *testing.T) {
	e := newEngine(t)
	for i := 0; i < 3; i++ {
		err := interruptWhenStarted(t, e, "fmt.Println(\"started\")\ntime.Sleep(time.Hour)")
		if ce, ok := err.(*CellError); !ok || ce.Value != "interrupted" {
			t.Fatalf("interrupt %d: %v", i, err)
		}
		if e.busy() != nil {
			t.Fatalf("interrupt %d left the engine busy", i)
		}
	}
}
