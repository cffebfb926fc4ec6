// Package sync holds what a cell gets for the standard library's blocking
// calls that yaegi cannot stop: a WaitGroup whose Wait also returns when
// the running cell is interrupted, and the process-wide interrupt signal
// that the engine's replacements of time.Sleep and friends watch.
//
// yaegi stops interpreted code at its next step when a cell is interrupted,
// and its channel operations and select statements watch the interrupt
// themselves; a compiled call that blocks (sync.WaitGroup.Wait, time.Sleep)
// would keep the stopped cell's goroutine alive and let it run its next
// statement once the call returns. Returning early is safe because the
// interpreter runs nothing of the stopped cell after the call.
//
// The package is named sync so that fmt's %T of a cell's WaitGroup prints
// "sync.WaitGroup", as Go does.
package sync

import (
	gosync "sync"
)

var (
	mu      gosync.Mutex
	stopped = make(chan struct{})
	closed  bool
)

// Interrupted returns a channel that is closed when the running cell is
// interrupted (and stays closed until Resume).
func Interrupted() <-chan struct{} {
	mu.Lock()
	defer mu.Unlock()
	return stopped
}

// Interrupt wakes every blocking call that watches Interrupted.
func Interrupt() {
	mu.Lock()
	defer mu.Unlock()
	if !closed {
		close(stopped)
		closed = true
	}
}

// Resume starts a new cell: blocking calls made from now on wait normally.
func Resume() {
	mu.Lock()
	defer mu.Unlock()
	if closed {
		stopped = make(chan struct{})
		closed = false
	}
}

// A WaitGroup is sync.WaitGroup whose Wait also returns when the running
// cell is interrupted. The zero value is ready to use.
type WaitGroup struct {
	mu   gosync.Mutex
	n    int
	zero chan struct{} // closed when n drops to zero; nil while n == 0
}

// Add adds delta, which may be negative, to the counter; it panics, as
// sync.WaitGroup does, when the counter goes negative.
func (wg *WaitGroup) Add(delta int) {
	wg.mu.Lock()
	defer wg.mu.Unlock()
	wg.n += delta
	switch {
	case wg.n < 0:
		wg.n = 0
		panic("sync: negative WaitGroup counter")
	case wg.n == 0 && wg.zero != nil:
		close(wg.zero)
		wg.zero = nil
	case wg.n > 0 && wg.zero == nil:
		wg.zero = make(chan struct{})
	}
}

// Done decrements the counter by one.
func (wg *WaitGroup) Done() { wg.Add(-1) }

// Wait blocks until the counter is zero or the running cell is interrupted.
func (wg *WaitGroup) Wait() {
	wg.mu.Lock()
	zero := wg.zero
	wg.mu.Unlock()
	if zero == nil {
		return
	}
	select {
	case <-zero:
	case <-Interrupted():
	}
}

// Go calls f on a new goroutine and adds that task to the WaitGroup, as
// sync.WaitGroup.Go does. A panic in f is handed to the function set by
// SetPanicHandler (the engine reports it in the cell's output) instead of
// ending the process.
func (wg *WaitGroup) Go(f func()) {
	wg.Add(1)
	go func() {
		defer wg.Done()
		defer func() {
			if r := recover(); r != nil {
				report(r)
			}
		}()
		f()
	}()
}

var (
	panicMu gosync.Mutex
	onPanic func(any)
)

// SetPanicHandler sets the function that receives panics of WaitGroup.Go
// tasks; without one such a panic ends the process, as in Go.
func SetPanicHandler(f func(any)) {
	panicMu.Lock()
	onPanic = f
	panicMu.Unlock()
}

func report(r any) {
	panicMu.Lock()
	f := onPanic
	panicMu.Unlock()
	if f == nil {
		panic(r)
	}
	f(r)
}
