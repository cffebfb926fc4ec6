package nnlib

import (
	"context"
	"errors"
	"fmt"
	"io"
	"sync"
	"sync/atomic"
)

// This file holds the host hooks: the cell context that every long call
// watches, and the progress hook. The kernel engine sets both around each
// cell.

// host hooks, set by the kernel engine around each cell.
type cellState struct {
	ctx  context.Context
	done <-chan struct{}
}

var (
	cell         atomic.Pointer[cellState]
	hookMu       sync.RWMutex
	progressHook func(h *History)
)

// SetCellContext sets the context that Fit watches when FitOptions.Context is
// nil, and that Train, TrainBatch and TraceStep check before stepping (the
// kernel sets it around every cell; nil clears it). Once it is done, those
// calls return an error wrapping its cause and leave the network alone, so an
// interrupted loop of Train calls stops changing the network at once.
func SetCellContext(ctx context.Context) {
	if ctx == nil {
		cell.Store(nil)
		return
	}
	cell.Store(&cellState{ctx: ctx, done: ctx.Done()})
}

// CellContext returns the context set by SetCellContext, or
// context.Background() when unset.
func CellContext() context.Context {
	if c := cell.Load(); c != nil {
		return c.ctx
	}
	return context.Background()
}

// cellErr returns a non-nil error when the cell context is done.
func cellErr() error {
	c := cell.Load()
	if c == nil || c.done == nil {
		return nil
	}
	select {
	case <-c.done:
		return fmt.Errorf("interrupted: %w", c.ctx.Err())
	default:
		return nil
	}
}

// SetProgressHook sets a function called after every epoch of any Fit with the
// History so far (nil = none). The Jupyter kernel uses it to draw a live loss
// figure.
func SetProgressHook(f func(h *History)) {
	hookMu.Lock()
	progressHook = f
	hookMu.Unlock()
}

func currentProgressHook() func(h *History) {
	hookMu.RLock()
	defer hookMu.RUnlock()
	return progressHook
}

// cellDone returns the cell context's Done channel (nil when unset).
func cellDone() <-chan struct{} {
	if c := cell.Load(); c != nil {
		return c.done
	}
	return nil
}

// isDone reports whether done is closed (never for nil).
func isDone(done <-chan struct{}) bool {
	if done == nil {
		return false
	}
	select {
	case <-done:
		return true
	default:
		return false
	}
}

// errStopped is what inner loops return when their done channel closes; the
// exported call replaces it with the context's own error.
var errStopped = errors.New("stopped")

// cellReader reads from r until the cell context is done; then every Read
// fails with cellErr's error. Loaders read through it, so a big file stops
// loading when the cell is interrupted.
type cellReader struct {
	r    io.Reader
	done <-chan struct{}
}

func (c cellReader) Read(p []byte) (int, error) {
	if isDone(c.done) {
		return 0, cellErr()
	}
	return c.r.Read(p)
}
