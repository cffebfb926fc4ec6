package kernel

import (
	"bytes"
	"runtime"
	"time"
)

// Goroutines cells started, and waiting for a stopped evaluation.

// quiesce waits up to d for the goroutines cells started to finish, so
// that the interpreter is not compiling while they still run. Goroutines
// that outlived an earlier wait (a background loop) are not waited for
// again; only new ones are.
func (e *Engine) quiesce(d time.Duration) {
	deadline := time.Now().Add(d)
	for {
		e.goMu.Lock()
		n := e.goRunning
		if n <= e.goStuck {
			e.goStuck = n
			e.goMu.Unlock()
			return
		}
		if time.Now().After(deadline) {
			e.goStuck = n
			e.goMu.Unlock()
			return
		}
		e.goMu.Unlock()
		time.Sleep(time.Millisecond)
	}
}

// interruptGrace is the longest Execute waits after an interrupt for the
// stopped evaluation to unwind (yaegi's EvalWithContext returns at once and
// leaves its goroutine to notice the stop; compiled code such as nnlib's Fit
// notices the cancelled context before its next step).
const interruptGrace = 700 * time.Millisecond

// waitStopped waits until no goroutine is inside yaegi's EvalWithContext
// (all go statements of cells run through __rt.Go, outside it), or d passes.
func waitStopped(d time.Duration) {
	deadline := time.Now().Add(d)
	buf := make([]byte, 1<<20)
	for {
		n := runtime.Stack(buf, true)
		if !bytes.Contains(buf[:n], []byte("interp.(*Interpreter).EvalWithContext.func")) || time.Now().After(deadline) {
			return
		}
		time.Sleep(5 * time.Millisecond)
	}
}
