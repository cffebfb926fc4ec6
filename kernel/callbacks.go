package kernel

import (
	"context"
	"reflect"
	"time"

	cellsync "github.com/nnbook/nnbook/kernel/internal/sync"
	"github.com/traefik/yaegi/interp"
)

// Standard library calls a cell gets in a cell-aware form (symbol
// overrides, so the cell's source is not rewritten):
//
//   - time.Sleep returns early when the running cell is interrupted, and
//     sync.WaitGroup's Wait does too (kernel/internal/sync), so a stopped
//     cell's goroutine ends at once instead of running its next statement
//     later (interrupt.go). yaegi stops interpreted code, channel
//     operations and select statements (timers, tickers, context waits) on
//     its own.
//   - time.AfterFunc and context.AfterFunc run an interpreted function on a
//     goroutine that the runtime starts, outside the cell: a panic there
//     would end the process. Their callbacks recover the panic, which then
//     ends the cell as in Go, as the cell's own goroutines do (gopanic.go).
//   - json.Marshal, MarshalIndent and reflect.DeepEqual see the cell values
//     held in interfaces (celljson.go).
//
// Everything else behaves as in Go.
func (e *Engine) callbackSymbols() interp.Exports {
	cellsync.SetPanicHandler(func(r any) { e.goroutinePanic(0, 0, nil, "the goroutine of WaitGroup.Go", r) })
	return interp.Exports{
		"time/time": {
			"Sleep": reflect.ValueOf(cellSleep),
			"AfterFunc": reflect.ValueOf(func(d time.Duration, f func()) *time.Timer {
				return time.AfterFunc(d, e.guard("time.AfterFunc callback", f))
			}),
		},
		"context/context": {
			"AfterFunc": reflect.ValueOf(func(ctx context.Context, f func()) (stop func() bool) {
				return context.AfterFunc(ctx, e.guard("context.AfterFunc callback", f))
			}),
		},
		"sync/sync": {
			"WaitGroup": reflect.ValueOf((*cellsync.WaitGroup)(nil)),
		},
		"encoding/json/json": e.jsonSymbols(), // celljson.go
		"reflect/reflect":    e.deepEqualSymbols(),
	}
}

// cellSleep is time.Sleep that returns when the running cell is interrupted.
func cellSleep(d time.Duration) {
	if d <= 0 {
		return
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
	case <-cellsync.Interrupted():
	}
}

// guard returns f with its panic recovered and reported (gopanic.go).
func (e *Engine) guard(where string, f func()) func() {
	if f == nil {
		return nil // the standard library's own nil check then panics in the cell
	}
	cell, n, units := e.exited.current(), e.goroutineNumber(), e.runningUnits()
	return func() {
		defer func() {
			if r := recover(); r != nil {
				e.goroutinePanic(cell, n, units, "the "+where, r)
			}
		}()
		f()
	}
}
