package kernel

import (
	"context"
	"time"

	"github.com/nnbook/nnbook/kernel/compile"
	"github.com/nnbook/nnbook/kernel/internal/show"
)

// Execute is the pipeline: cell → split and parse → plan → rewrite passes →
// run (with the retry ladder, run.go) → results (results.go).

// Execute runs one cell, calling emit for every output part in order while
// the cell runs (from other goroutines, never concurrently). It returns a
// *CellError when the cell does not compile, panics, is interrupted by
// cancelling ctx, or ends with a call whose last result is a non-nil error
// (Name "Error"); definitions made before the failure stay. emit must not
// write to os.Stdout or os.Stderr (they are redirected while the cell runs).
func (e *Engine) Execute(ctx context.Context, code string, emit func(Part)) error {
	if emit == nil {
		emit = func(Part) {}
	}
	// Panics of goroutines that outlived their cells (gopanic.go).
	e.late.flush(emit)
	err := e.execute(ctx, code, emit)
	if ce := e.exited.end(); ce != nil {
		// A goroutine of the cell panicked as the cell ended: in Go the
		// program ends there, whatever main did next.
		return ce
	}
	return err
}

func (e *Engine) execute(ctx context.Context, code string, emit func(Part)) error {
	if ctx == nil {
		ctx = context.Background()
	}
	if cerr := e.awaitStopped(ctx, emit); cerr != nil {
		return cerr
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	if compile.IsCompiled(code) {
		interpret, err := e.executeCompiled(ctx, code, emit)
		if !interpret {
			return err
		}
		code = interpretedSource(code)
	}
	code = unparenBuiltins(code) // builtinparens.go
	units, cerr := e.plan(code)
	if cerr != nil {
		return cerr
	}
	e.funcMu.Lock()
	e.cellUnits = units
	e.funcMu.Unlock()
	if cerr := e.rangeOverFunc(units); cerr != nil {
		return cerr
	}
	if cerr := e.bareBuiltin(units); cerr != nil {
		return cerr
	}
	if cerr := redeclaredType(units); cerr != nil {
		return cerr
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	e.exited.begin(cancel)
	if len(units) == 0 {
		return nil
	}
	execMu.Lock()
	defer execMu.Unlock()
	cellCtx, endCell := e.beginCell(ctx)
	defer endCell()
	e.quiesce(100 * time.Millisecond)
	e.cells++
	e.valMu.Lock()
	e.vals, e.failMsg, e.failed, e.kept = nil, "", false, nil
	e.valMu.Unlock()
	e.traceMu.Lock()
	e.trace = nil
	e.traceMu.Unlock()

	prog := newProgress(e.cells)
	if e.noLive {
		prog = nil
	}
	capture.begin(emit)
	e.stdin.setAsk(inputFrom(cellCtx))
	capture.holdPrompts(inputFrom(cellCtx) != nil)
	restore := setHooks(cellCtx, prog)
	defer show.Set(show.Set(&publisher{e: e, ctx: cellCtx, prog: prog}))
	finished := false
	finish := func() {
		if !finished {
			finished = true
			restore()
			prog.finish()
		}
	}
	defer func() {
		finish()
		e.stdin.setAsk(nil)
		capture.end()
		dropRetained(e.in)
		e.dropFmtTemporaries(e.in)
	}()

	deferred := false // the cell's top-level defers ran (celldefer.go)
	defer func() {
		if !deferred {
			e.runCellDefers(ctx, nil) // the cell failed: its error stays
		}
	}()
	if err := e.importUsed(ctx, code, units); err != nil {
		return err
	}
	var final unit
	hasFinal := false
	for i, u := range units {
		if err := ctx.Err(); err != nil {
			return e.stopped(err)
		}
		if i > 0 {
			// yaegi compiles into structures that running goroutines read.
			e.quiesce(100 * time.Millisecond)
		}
		waits, err := e.usesWaiting(code, &u)
		if err == nil && !waits {
			if err = e.run(ctx, code, &u); err != nil {
				waits, err = e.awaitNames(code, &u, err), e.explainWaiting(err)
			}
		}
		if waits {
			// It may complete a group of declarations that use each other.
			if err := e.resolvePending(ctx, nil); err != nil {
				return err
			}
			continue
		}
		if err != nil {
			// A deferred function may recover the panic (celldefer.go).
			deferred = true
			if ce := e.runCellDefers(ctx, e.nilTypeRange(u, err)); ce != nil {
				return ce
			}
			finish()
			return nil
		}
		if u.final {
			final = u
			hasFinal = true
		}
		e.record(u)
		e.forgetCompiled(u)
		if err := e.resolvePending(ctx, definedNames(u)); err != nil {
			return err
		}
	}
	deferred = true
	if err := e.runCellDefers(ctx, nil); err != nil {
		return err
	}
	if hasFinal && !final.literal {
		e.richOf(e.valPrefix(), final.nres)
	}
	finish()
	if err := ctx.Err(); err != nil {
		// The cell returned normally, but only because compiled code (nnlib's
		// Fit) stopped on the cancelled context.
		return e.stopped(err)
	}
	if !hasFinal {
		return nil
	}
	return e.showFinal(code, final, prog)
}
