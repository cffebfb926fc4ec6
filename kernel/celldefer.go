package kernel

import (
	"context"
	"fmt"
	"reflect"

	rt "github.com/nnbook/nnbook/kernel/internal/runtime"
)

// A defer statement at a cell's top level runs when the cell ends, as if
// the cell were a function body: yaegi v0.16.1 would run it at the end of
// every later evaluation of the session, again and again. The deferbind
// pass (kernel/rewrite) turns it into __rt.Defer(f, args…)(line), which
// evaluates the function and its arguments at the statement and queues the
// call; the engine runs the queue, last first, when the cell's code has
// run or panicked, but not after an interrupt or os.Exit.
//
// A cell's top-level statements are the body of main in Go, so a deferred
// function recovers their panic: recover() in a function literal the cell
// defers is __rt.CellRecover(recover()) (the panics pass), which returns
// the panic of the cell's code or of a deferred call that ran before, and
// stops it; recover() in a function the cell defers by name reaches
// __rt.Recover with what yaegi recovered, which stops the cell's panic when
// it is that value. A cell whose panic was recovered ends without an error,
// its later statements not run.

// cellDeferred is one queued call.
type cellDeferred struct {
	fn   reflect.Value
	in   []reflect.Value
	line int // the defer statement's line in the cell
}

// cellPanic is a panic of a cell's code or of one of its deferred calls.
type cellPanic struct {
	ce *CellError
	v  interface{} // the value recovered from the interpreted code
}

// cellPanics is what the cell's deferred calls may recover (guarded by
// Engine.deferMu).
type cellPanics struct {
	last      cellPanic  // the panic cellError made the error of last
	pending   *cellPanic // while the queue runs: the panic not yet recovered
	recovered bool       // a deferred call recovered pending
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

// notePanic records that ce is the error of the panic with value v
// (cellError).
func (e *Engine) notePanic(ce *CellError, v interface{}) {
	e.deferMu.Lock()
	e.panics.last = cellPanic{ce, v}
	e.deferMu.Unlock()
}

// runCellDefers runs the cell's queued calls, last first, unless ctx was
// cancelled (an interrupt, os.Exit), and returns the cell's error: failed,
// the error that ended the cell's code (or nil), unless a deferred call
// recovered its panic; otherwise the first deferred call's panic that none
// recovered.
func (e *Engine) runCellDefers(ctx context.Context, failed *CellError) *CellError {
	e.deferMu.Lock()
	calls := e.deferred
	e.deferred = nil
	e.panics.pending, e.panics.recovered = nil, false
	if failed != nil && failed.Name == KindPanic && e.panics.last.ce == failed {
		e.panics.pending = &cellPanic{failed, e.panics.last.v}
	}
	e.deferMu.Unlock()
	err := failed
	for i := len(calls) - 1; i >= 0 && ctx.Err() == nil; i-- {
		ce, r := calls[i].run()
		e.deferMu.Lock()
		if e.panics.recovered {
			e.panics.recovered = false
			if err != nil && err.Name == KindPanic {
				err = nil
			}
		}
		if ce != nil {
			e.panics.pending = &cellPanic{ce, r}
			if err == nil {
				err = ce
			}
		}
		e.deferMu.Unlock()
	}
	e.deferMu.Lock()
	e.panics = cellPanics{}
	e.deferMu.Unlock()
	return err
}

// recoverCell stops the panic the cell's deferred calls may recover and
// returns its value: for __rt.CellRecover any pending panic, for
// __rt.Recover (only) the one whose value yaegi recovered, v.
func (e *Engine) recoverCell(v interface{}, only bool) (interface{}, bool) {
	e.deferMu.Lock()
	defer e.deferMu.Unlock()
	p := e.panics.pending
	if p == nil || only && (v == nil || !sameValue(v, p.v)) {
		return nil, false
	}
	e.panics.pending, e.panics.recovered = nil, true
	return p.v, true
}

// cellRecover is __rt.CellRecover: recover() in a function literal a cell
// defers at its top level. v, what yaegi's recover returned, is not the
// answer: yaegi knows only the panic of the cell's code, not those of
// deferred calls.
func (e *Engine) cellRecover(v interface{}) interface{} {
	r, ok := e.recoverCell(v, false)
	if !ok {
		return nil
	}
	out, _, _ := rt.Translate(r)
	return out
}

// run calls a queued function, turning its panic into the cell's error;
// r is the value it panicked with.
func (d cellDeferred) run() (ce *CellError, r interface{}) {
	defer func() {
		if r = recover(); r != nil {
			v := unversion(fmt.Sprint(r))
			ce = &CellError{Name: KindPanic, Value: v, Line: d.line, Col: 1,
				Traceback: []string{"panic: " + v, fmt.Sprintf("    deferred at line %d", d.line)}}
		}
	}()
	d.fn.Call(d.in)
	return nil, nil
}
