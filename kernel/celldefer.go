package kernel

import (
	"context"
	"fmt"
	"reflect"
)

// A defer statement at a cell's top level runs when the cell ends, as if
// the cell were a function body: yaegi v0.16.1 would run it at the end of
// every later evaluation of the session, again and again. The deferbind
// pass (kernel/rewrite) turns it into __rt.Defer(f, args…)(line), which
// evaluates the function and its arguments at the statement and queues the
// call; the engine runs the queue, last first, when the cell's code has
// run or panicked, but not after an interrupt or os.Exit.

// cellDeferred is one queued call.
type cellDeferred struct {
	fn   reflect.Value
	in   []reflect.Value
	line int // the defer statement's line in the cell
}

// cellDefer is __rt.Defer: it checks the call as go statements are checked
// and returns the function that queues it.
func (e *Engine) cellDefer(f interface{}, args ...interface{}) func(line int) {
	fv, in := statementCall("defer", f, args)
	return func(line int) {
		e.deferMu.Lock()
		e.deferred = append(e.deferred, cellDeferred{fv, in, line})
		e.deferMu.Unlock()
	}
}

// runCellDefers runs the cell's queued calls, last first, unless ctx was
// cancelled (an interrupt, os.Exit); the first that panics is the cell's
// error, and the others still run.
func (e *Engine) runCellDefers(ctx context.Context) *CellError {
	e.deferMu.Lock()
	calls := e.deferred
	e.deferred = nil
	e.deferMu.Unlock()
	var first *CellError
	for i := len(calls) - 1; i >= 0 && ctx.Err() == nil; i-- {
		if ce := calls[i].run(); ce != nil && first == nil {
			first = ce
		}
	}
	return first
}

// run calls a queued function, turning its panic into the cell's error.
func (d cellDeferred) run() (ce *CellError) {
	defer func() {
		if r := recover(); r != nil {
			v := unversion(fmt.Sprint(r))
			ce = &CellError{Name: KindPanic, Value: v, Line: d.line, Col: 1,
				Traceback: []string{"panic: " + v, fmt.Sprintf("    deferred at line %d", d.line)}}
		}
	}()
	d.fn.Call(d.in)
	return nil
}
