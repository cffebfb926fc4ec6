package kernel

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"sync"
	"time"

	cellsync "github.com/nnbook/nnbook/kernel/internal/sync"
	"github.com/traefik/yaegi/interp"
)

// Honest interrupts.
//
// yaegi's EvalWithContext returns as soon as the context ends and leaves
// the evaluation's goroutine to notice: interpreted code stops at its next
// step, channel operations and select statements wake up, but a compiled
// call keeps running until it returns. Worse, yaegi runs a cell's top-level
// statements in the session's global frame and marks that frame current
// again when the next cell starts, so a stopped statement that was still
// inside a compiled call (time.Sleep) would run its next statement during a
// later cell.
//
// So an interrupt is reported only when the cell's code has stopped:
//   - the blocking calls a cell makes are replaced by versions that return
//     on an interrupt (time.Sleep, sync.WaitGroup.Wait; callbacks.go), so
//     the stopped evaluation normally ends within milliseconds;
//   - the engine waits, up to interruptGrace, for the exact goroutines
//     yaegi left behind (found by their creator in a goroutine dump) and for
//     the goroutines the cell started with go statements;
//   - an evaluation still running after that (a compiled call that does not
//     watch the cell's context) is named in the reply, and later cells,
//     completion, inspection and :vars wait for it to end (or, interrupted
//     while waiting, are refused with a message) instead of running against
//     half-changed state;
//   - goroutines of cells still inside a compiled call are named in the
//     reply; yaegi runs none of their statements after the call returns,
//     but it stores the call's results as part of the call itself
//     (`x = slow()` assigns x when slow returns), which the reply says.

// interruptGrace is how long an interrupt waits for the stopped code to
// end before the reply says what still runs. Cell-aware blocking calls end
// within milliseconds; this bounds compiled calls that notice the context
// late.
const interruptGrace = time.Second

// stuckEval is an evaluation of an interrupted cell that had not ended
// when the interrupt was reported.
type stuckEval struct {
	where string        // the compiled call it is inside ("nnlib.GradCheck")
	done  chan struct{} // closed when its goroutines have all ended
}

// interruptState is the engine's record of stopped code.
type interruptState struct {
	mu    sync.Mutex
	stuck *stuckEval // nil when every stopped evaluation ended
	left  []uint64   // goroutine ids of the running cell's abandoned evaluations
	// cancel ends the running cell's context (beginCell).
	cancel context.CancelCauseFunc
}

// beginCell starts a cell: blocking calls wait normally again. It returns
// the context compiled code of the cell watches (nnlib's long calls, reads
// of standard input): it ends only after yaegi has stopped the cell's
// interpreted code, so a call that returns early on it cannot let the
// cell's next statement run.
func (e *Engine) beginCell(ctx context.Context) (cellCtx context.Context, end func()) {
	cellsync.Resume()
	cellCtx, cancel := context.WithCancelCause(context.WithoutCancel(ctx))
	e.intr.mu.Lock()
	e.intr.cancel = cancel
	e.intr.mu.Unlock()
	return cellCtx, func() {
		e.intr.mu.Lock()
		e.intr.cancel = nil
		e.intr.mu.Unlock()
		if ctx.Err() == nil {
			cancel(nil)
		}
	}
}

// stopCell wakes the cell's blocking calls and ends its context, once
// yaegi has stopped its interpreted code.
func (e *Engine) stopCell(cause error) {
	e.intr.mu.Lock()
	cancel := e.intr.cancel
	e.intr.mu.Unlock()
	if cancel != nil {
		cancel(cause)
	}
	cellsync.Interrupt()
}

// evalCtx evaluates src like yaegi's EvalWithContext and, when ctx ends
// first, records the goroutine yaegi leaves behind.
func (e *Engine) evalCtx(ctx context.Context, src string) (reflect.Value, error) {
	v, err := e.in.EvalWithContext(ctx, src)
	if err != nil && ctx.Err() != nil && (err == ctx.Err()) {
		e.stopCell(err)
		ids := abandonedEvals(currentGoroutine())
		e.intr.mu.Lock()
		e.intr.left = append(e.intr.left, ids...)
		e.intr.mu.Unlock()
	}
	return v, err
}

// interrupted waits for the cell's stopped code to end and returns the
// reply: Interrupted, naming whatever could not be stopped.
func (e *Engine) interrupted(err error) *CellError {
	e.stopCell(err)
	deadline := time.Now().Add(interruptGrace)
	e.intr.mu.Lock()
	left := e.intr.left
	e.intr.left = nil
	e.intr.mu.Unlock()

	ce := &CellError{Name: KindInterrupted, Value: "interrupted", Traceback: []string{"interrupted: " + err.Error()}}
	var notes []string
	if len(left) > 0 {
		alive := waitGoroutines(left, deadline)
		if len(alive) > 0 {
			st := &stuckEval{where: alive[0].where(), done: make(chan struct{})}
			go func() {
				waitGoroutines(ids(alive), time.Time{})
				close(st.done)
			}()
			e.intr.mu.Lock()
			e.intr.stuck = st
			e.intr.mu.Unlock()
			notes = append(notes, fmt.Sprintf("the cell is still inside %s, which does not watch interrupts: later cells wait until it returns (its results are still stored if its statement assigns them), and the cell runs no further statement", st.where))
		}
	}
	for _, g := range e.cellGoroutines(deadline) {
		notes = append(notes, fmt.Sprintf("%s is still inside %s, which does not watch interrupts; when that call returns, the goroutine stores its results if its statement assigns them, and runs no further statement", g.label, g.where))
	}
	// Compiled functions still running once the stopped code had its
	// grace to end (a compiled loop that never checks the context).
	ce = interruptNote(ce)
	if len(notes) > 0 {
		ce.Value = "interrupted; " + strings.Join(notes, "; ")
		ce.Traceback = append(ce.Traceback, notes...)
	}
	return ce
}

// busy reports the evaluation of an interrupted cell that still runs, or nil.
func (e *Engine) busy() *stuckEval {
	e.intr.mu.Lock()
	defer e.intr.mu.Unlock()
	st := e.intr.stuck
	if st == nil {
		return nil
	}
	select {
	case <-st.done:
		e.intr.stuck = nil
		return nil
	default:
		return st
	}
}

// awaitStopped waits until no interrupted evaluation still runs. A cell
// interrupted while waiting is refused with a message.
func (e *Engine) awaitStopped(ctx context.Context, emit func(Part)) *CellError {
	st := e.busy()
	if st == nil {
		return nil
	}
	if emit != nil {
		emit(Part{Kind: Stderr, Text: fmt.Sprintf("waiting for the interrupted cell to stop: it is still inside %s, which does not watch interrupts\n", st.where)})
	}
	select {
	case <-st.done:
		return nil
	case <-ctx.Done():
		msg := fmt.Sprintf("not run: the interrupted cell is still inside %s, which does not watch interrupts; run this cell again when it returns", st.where)
		return &CellError{Name: "Interrupted", Value: msg, Traceback: []string{"interrupted: " + msg}}
	}
}

// waitIdle waits, for the introspection tools, until no interrupted
// evaluation still runs; false when one still does after d.
func (e *Engine) waitIdle(d time.Duration) bool {
	st := e.busy()
	if st == nil {
		return true
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-st.done:
		return true
	case <-t.C:
		return false
	}
}

// idleWait is how long completion, inspection and :vars wait for an
// interrupted cell that still runs before reading variables without
// evaluating anything.
const idleWait = 200 * time.Millisecond

// errBusy is the introspection tools' error while an interrupted cell
// still runs and an expression would have to be evaluated.
var errBusy = errors.New("an interrupted cell is still running")

// globalValue returns the value of the session variable name without
// running anything.
func globalValue(in *interp.Interpreter, name string) (reflect.Value, error) {
	v, ok := in.Globals()[name]
	if !ok || !v.IsValid() || v.Type().PkgPath() == reflect.TypeOf(interp.Panic{}).PkgPath() {
		return reflect.Value{}, errBusy
	}
	return v, nil
}

// forget drops the record of a stopped evaluation that still runs: Reset
// starts a new interpreter, which that evaluation cannot touch.
func (s *interruptState) forget() {
	s.mu.Lock()
	s.stuck, s.left = nil, nil
	s.mu.Unlock()
}
