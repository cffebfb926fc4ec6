package kernel

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
)

// A panic that nothing recovers in a goroutine.
//
// In Go it ends the whole program: the runtime prints "panic: <value>",
// a blank line, "goroutine N [running]:" and the goroutine's frames on
// standard error, exits with status 2, and nothing after it runs — not
// the main goroutine's next statement, not main's deferred calls. A cell's
// goroutines (go statements, through cellGo) and the callbacks the runtime
// runs on goroutines of its own (time.AfterFunc, context.AfterFunc,
// WaitGroup.Go; callbacks.go) recover the panic so that it cannot kill the
// process, and then:
//
//   - while the cell that started the goroutine still runs, the panic ends
//     that cell as os.Exit does (exit.go): it is recorded, the cell's
//     context is cancelled so its interpreted code stops at its next step,
//     its output stops there (capture.mute), its top-level defers do not
//     run, and Execute returns the panic as the cell's error: a CellError
//     of kind KindPanic with Go's text and the goroutine's trace. A program
//     run (`nnbook run prog.go`, `nnbook < prog.go`) prints it and exits 2,
//     as go run does; the REPL and the Jupyter kernel report it as the
//     cell's error (ename Panic) and the session keeps its definitions.
//   - once that cell has finished, no reply can carry the panic any more:
//     Jupyter has sent the cell's execute_reply, and emit may not be called
//     after Execute returns. IPython prints an exception of a background
//     thread on stderr and keeps the kernel alive; so does nnbook: the
//     report goes on the stderr stream of the cell running at that moment,
//     or, when none runs, first on the stderr stream of the next cell
//     (lateReports), never only on the process's stderr, which a Jupyter
//     user never sees. It names the goroutine and says that the session
//     goes on.

// goroutinePanic is where a panic of a cell's goroutine or callback
// arrives. cell is the number of the cell that started it (exitState.cell),
// 0 when unknown (the running cell is taken to be it); n is the goroutine's
// number (goroutineNumber), 0 for a new one; units are the units of the
// cell that started it (runningUnits), nil for the running cell's.
func (e *Engine) goroutinePanic(cell int, n int64, units []unit, label string, r interface{}) {
	if n == 0 {
		n = e.goroutineNumber()
	}
	ce := e.goPanicError(r, n, units)
	if e.exited.panicked(cell, ce) {
		return
	}
	var b strings.Builder
	fmt.Fprintf(&b, "panic in %s, whose cell had ended (the session keeps running): %s\n", label, ce.Value)
	for _, l := range ce.Traceback[3:] {
		b.WriteString(l + "\n")
	}
	capture.mu.Lock()
	running := capture.emit != nil
	capture.mu.Unlock()
	if running {
		capture.write(Stderr, []byte(b.String()))
		return
	}
	e.late.add(b.String())
}

// runningUnits returns the units of the running cell, with which the
// frames of its goroutines are named after it has ended.
func (e *Engine) runningUnits() []unit {
	e.funcMu.Lock()
	defer e.funcMu.Unlock()
	return e.cellUnits
}

// goroutineNumber numbers the goroutines of a session's cells and
// callbacks in the order they start, from 2 (main's is 1), for the
// "goroutine N [running]:" line of a panic. Go's own numbers count the
// runtime's goroutines too, and the process's ids here would count the
// engine's: neither says anything to the user, and both change from run
// to run.
func (e *Engine) goroutineNumber() int64 { return e.goSeq.Add(1) + 1 }

// goPanicError is the CellError Go's runtime would print for the panic r of
// goroutine n: "panic: <value>", "", "goroutine N [running]:", then the
// frames of the engine's traceback.
func (e *Engine) goPanicError(r interface{}, n int64, units []unit) *CellError {
	e.traceMu.Lock()
	trace := e.trace
	e.trace = nil
	e.traceMu.Unlock()
	text, pl, pc, at := e.panicValue(r)
	ce := &CellError{Name: KindPanic, Value: unversion(text)}
	ce.Traceback = []string{"panic: " + ce.Value, "", fmt.Sprintf("goroutine %d [running]:", n)}
	failing := failingFrame(trace, pl, at)
	for i, t := range trace {
		line, col, fn, ok := parseTrace(t)
		if !ok {
			continue
		}
		if i == failing {
			line, col = pl, pc
		}
		ce.Traceback = append(ce.Traceback, fmt.Sprintf("    %s at line %d:%d", e.frameFuncIn(units, line, col, unversion(fn)).name, line, col))
	}
	return ce
}

// panicked records ce as the panic that ends cell, when that cell is the
// one running, stops the cell and mutes its output; it reports whether the
// panic ended the cell (or came after the cell had already ended by
// os.Exit or another goroutine's panic, as Go prints only the first).
func (s *exitState) panicked(cell int, ce *CellError) bool {
	s.mu.Lock()
	if !s.running || cell != 0 && cell != s.cell {
		s.mu.Unlock()
		return false
	}
	if s.called || s.panic != nil {
		s.mu.Unlock()
		return true
	}
	s.panic = ce
	cancel := s.cancel
	s.mu.Unlock()
	capture.mute()
	if cancel != nil {
		cancel()
	}
	return true
}

// current returns the number of the running cell (the last one when none
// runs).
func (s *exitState) current() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.cell
}

// take returns the recorded panic once: to the cell's error path, or to
// end.
func (s *exitState) take() *CellError {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.panic == nil || s.taken {
		return nil
	}
	s.taken = true
	return s.panic
}

// end marks the cell finished and returns a recorded panic that its error
// did not report (the cell ended by itself right after the panic).
func (s *exitState) end() *CellError {
	ce := s.take()
	s.mu.Lock()
	s.running = false
	s.mu.Unlock()
	return ce
}

// goroutinePanicked returns the panic of a goroutine that stopped the cell
// whose context ended with err, once the cell's stopped code has ended as
// an interrupt waits for it (what still runs is added to the trace), or
// nil when the cell was not stopped by a goroutine's panic.
func (e *Engine) goroutinePanicked(err error) *CellError {
	ce := e.exited.take()
	if ce == nil {
		return nil
	}
	if err == nil {
		err = context.Canceled
	}
	if in := e.interrupted(err); in.Value != "interrupted" {
		ce.Traceback = append(ce.Traceback, in.Traceback[1:]...)
	}
	return ce
}

// goSeq counts the goroutines numbered by goroutineNumber.
type goSeq = atomic.Int64

// lateReports holds the reports of goroutine panics that came while no
// cell ran, for the stderr stream of the next cell.
type lateReports struct {
	mu   sync.Mutex
	text []string
}

func (l *lateReports) add(s string) {
	l.mu.Lock()
	l.text = append(l.text, s)
	l.mu.Unlock()
}

// flush emits the held reports as Stderr parts and forgets them.
func (l *lateReports) flush(emit func(Part)) {
	l.mu.Lock()
	text := l.text
	l.text = nil
	l.mu.Unlock()
	for _, s := range text {
		emit(Part{Kind: Stderr, Text: s})
	}
}
