package kernel

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"sync"
)

// os.Exit in a cell.
//
// Go's os.Exit ends the program at once with the given status: deferred
// calls do not run. In a cell, the interpreted os.Exit records the status,
// stops the cell (its context is cancelled) and parks the calling goroutine
// for good, so that no statement and no deferred call of the cell runs
// afterwards. Execute then returns a CellError of kind KindExit with the
// status in ExitCode: a command-line run (`nnbook < prog.go`) exits with it,
// the REPL and the Jupyter kernel report it and keep the session. The
// parked goroutine (and what its frames hold) stays until the process
// ends.

// exitState is the os.Exit of the cell running now.
type exitState struct {
	mu     sync.Mutex
	cancel context.CancelFunc // stops the running cell
	called bool
	code   int

	// The goroutine panic that ended the running cell (gopanic.go).
	running bool       // a cell runs: between begin and end
	cell    int        // the running (or last) cell's number, from 1
	panic   *CellError // recorded by panicked, nil when none
	taken   bool       // the cell's error reported panic already
}

// begin arms the state for a cell whose context cancel stops.
func (s *exitState) begin(cancel context.CancelFunc) {
	s.mu.Lock()
	s.cancel, s.called, s.code = cancel, false, 0
	s.running, s.panic, s.taken = true, nil, false
	s.cell++
	s.mu.Unlock()
}

// status reports whether the cell called os.Exit, and with which code.
func (s *exitState) status() (code int, called bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.code, s.called
}

// exit is the interpreted os.Exit.
func (s *exitState) exit(code int) {
	s.mu.Lock()
	if !s.called && s.panic == nil { // after a goroutine's panic, the program has ended
		s.called, s.code = true, code
	}
	cancel := s.cancel
	s.mu.Unlock()
	if cancel != nil {
		cancel()
	}
	select {} // never returns: nothing after os.Exit runs
}

// exitSymbols replaces os.Exit in the interpreter.
func (e *Engine) exitSymbols() map[string]reflect.Value {
	return map[string]reflect.Value{"Exit": reflect.ValueOf(e.exited.exit)}
}

// exitError is the error of a cell that called os.Exit(code).
func exitError(code int) *CellError {
	ce := &CellError{Name: KindExit, Value: fmt.Sprintf("os.Exit(%d): the cell stopped, the session keeps its definitions", code), ExitCode: code}
	ce.Traceback = []string{ce.Value}
	return ce
}

// stopped is the error of a cell whose context ended: its os.Exit, or an
// interrupt.
func (e *Engine) stopped(err error) *CellError {
	if ce := e.goroutinePanicked(err); ce != nil {
		return ce
	}
	if code, called := e.exited.status(); called {
		e.stopCell(err)
		// The goroutine that called os.Exit is parked for good, on purpose:
		// it is not a stopped evaluation for later cells to wait for.
		e.intr.mu.Lock()
		e.intr.left = nil
		e.intr.mu.Unlock()
		return exitError(code)
	}
	return e.interrupted(err)
}

// ExitCode returns the status a cell passed to os.Exit when err is the
// error of a cell stopped by os.Exit (possibly wrapped), and ok false for
// any other error. Front ends that run a Go program (nnbook run prog.go,
// nnbook < prog.go) end with it, as go run does.
func ExitCode(err error) (code int, ok bool) {
	var ce *CellError
	if !errors.As(err, &ce) || ce.Name != KindExit {
		return 0, false
	}
	return ce.ExitCode, true
}
