package kernel

import (
	"context"
	"errors"
)

// The retry ladder: every way the engine runs a unit, in the order tried.
// The first rung that applies runs the unit; when yaegi rejects it before
// any of its code ran (a compile error, or a failure in yaegi's global
// analysis of top-level definitions), the next rung that applies to that
// error is tried. The last error is the cell's.
var ladder = []rung{
	{"split first", "a definition yaegi cannot compile at top level (in a block, comma-ok, from min/max): the unit's statements run one by one, that one in a function literal (define.go)",
		func(e *Engine, u *unit, err error) bool {
			return err == errNotRun && !u.final && (u.kind == chunkStmt || u.kind == chunkDecl) && e.needsLiteral(u.ast)
		}, (*Engine).splitRung},
	{"as planned", "the unit's rewritten source",
		func(e *Engine, u *unit, err error) bool { return err == errNotRun }, (*Engine).plannedRung},
	{"as written", "definitions of session variables that became assignments (redefine.go) but do not compile so: the unit as written",
		func(e *Engine, u *unit, err error) bool { return nothingRan(err) && u.orig != "" && !u.final }, (*Engine).asWrittenRung},
	{"final value in a function literal", "the final expression's values defined inside a function literal (final.go), under fresh names",
		func(e *Engine, u *unit, err error) bool { return u.final && u.nres > 0 && nothingRan(err) }, (*Engine).finalLiteralRung},
	{"split after the global analysis", "yaegi's global analysis failed on a definition: the unit's statements one by one (define.go)",
		func(e *Engine, u *unit, err error) bool { return !u.final && err != errNotRun && gtaFailure(err) }, (*Engine).splitRung},
}

// A rung is one way of running a unit.
type rung struct {
	name, what string
	// applies reports whether the rung is tried after the error err of the
	// rung before (errNotRun before the first).
	applies func(e *Engine, u *unit, err error) bool
	// try runs the unit: err is yaegi's error (errNotRun when the rung
	// could not run it); done means the outcome is final (ce, possibly nil).
	try func(e *Engine, ctx context.Context, code string, u *unit) (err error, ce *CellError, done bool)
}

// errNotRun is the error before the first rung ran.
var errNotRun = errors.New("not run yet")

// nothingRan reports whether err means yaegi rejected the unit before any
// of its code ran.
func nothingRan(err error) bool {
	return err != nil && err != errNotRun && (isCompileError(err) || gtaFailure(err))
}

// climb runs u with the first rung that applies and goes up the ladder
// while nothing ran.
func (e *Engine) climb(ctx context.Context, code string, u *unit) *CellError {
	err := errNotRun
	for _, r := range ladder {
		if err != errNotRun && ctx.Err() != nil {
			break
		}
		if !r.applies(e, u, err) {
			continue
		}
		rerr, ce, done := r.try(e, ctx, code, u)
		switch {
		case done:
			return ce
		case rerr == errNotRun:
			// The rung could not run the unit; the error stays.
		case rerr == nil:
			return nil
		default:
			err = rerr
		}
	}
	if err == errNotRun {
		return nil
	}
	return e.unitError(ctx, code, u, err)
}

func (e *Engine) splitRung(ctx context.Context, code string, u *unit) (error, *CellError, bool) {
	ce, ok := e.runSplit(ctx, code, u)
	return errNotRun, ce, ok
}

func (e *Engine) plannedRung(ctx context.Context, code string, u *unit) (error, *CellError, bool) {
	_, err := e.evalCtx(ctx, u.runSrc)
	return err, nil, false
}

func (e *Engine) asWrittenRung(ctx context.Context, code string, u *unit) (error, *CellError, bool) {
	u.src, u.orig = u.orig, ""
	_, err := e.evalCtx(ctx, u.src)
	return err, nil, false
}

func (e *Engine) finalLiteralRung(ctx context.Context, code string, u *unit) (error, *CellError, bool) {
	// yaegi may have left the names half defined, so they are not used again.
	e.valNames++
	u.literal = true
	_, err := e.evalCtx(ctx, u.finalSource(e.valPrefix(), true))
	return err, nil, false
}

// evalUnit is the ladder of one piece of a split unit (runPiece, define.go):
// as planned, then as written; runPiece then runs it in a function literal
// when yaegi's global analysis failed.
func (e *Engine) evalUnit(ctx context.Context, u *unit, src string) error {
	_, err := e.evalCtx(ctx, src)
	if nothingRan(err) && u.orig != "" && src == u.src && ctx.Err() == nil {
		u.src, u.orig = u.orig, ""
		_, err = e.evalCtx(ctx, u.src)
	}
	return err
}
