package kernel

import (
	"context"
	"fmt"
	"io"
	"log"
	"reflect"
)

// The run stage: each unit is evaluated by yaegi; what to try when it fails
// is the retry ladder (ladder.go).

// compile compiles src without running it; a panic inside yaegi's compiler
// is an error.
func (e *Engine) compile(src string) (err error) {
	// A probe that does not compile may make yaegi log.Panic ("nil reflect
	// type"), which prints on the process's log before the panic becomes
	// the error: the message is not the user's, so it is dropped.
	out := log.Writer()
	log.SetOutput(io.Discard)
	defer func() {
		log.SetOutput(out)
		if r := recover(); r != nil {
			err = fmt.Errorf("interpreter: %v", r)
		}
	}()
	_, err = e.in.Compile(src)
	return err
}

// eval evaluates a side-effect-free expression for the introspection tools;
// a panic inside yaegi is an error.
func (e *Engine) eval(src string) (v reflect.Value, err error) {
	defer func() {
		if r := recover(); r != nil {
			v, err = reflect.Value{}, fmt.Errorf("interpreter: %v", r)
		}
	}()
	return e.in.Eval(src)
}

// run evaluates one unit.
func (e *Engine) run(ctx context.Context, code string, u *unit) *CellError {
	src := u.src
	if u.final {
		// Decided now, after the cell's earlier units defined their names.
		u.nres, u.lastErr = e.results(u)
		if u.nres == 0 {
			src = u.plain
		} else {
			// A name yaegi cannot resolve would leave its top-level
			// analysis in a state that garbles the error message.
			literal := e.firstUndefined(*u) != nil || u.expr != nil && e.callsGeneric(u.expr)
			src = u.finalSource(e.valPrefix(), literal)
		}
	}
	if !u.final && (u.kind == chunkStmt || u.kind == chunkDecl) && e.needsLiteral(u.ast) {
		// A definition yaegi cannot compile at top level: run the unit's
		// statements one by one, that one in a function literal.
		if ce, ok := e.runSplit(ctx, code, u); ok {
			return ce
		}
	}
	_, err := e.evalUnit(ctx, u, src)
	if err == nil {
		return nil
	}
	if u.final && u.nres > 0 && ctx.Err() == nil && (gtaFailure(err) || isCompileError(err)) {
		// Nothing ran: the values' definition did not compile at top level
		// (or does not at all; the function literal gives the messages
		// yaegi gives for any statement). yaegi may have left the names
		// half defined, so they are not used again.
		e.valNames++
		if _, err = e.in.EvalWithContext(ctx, u.finalSource(e.valPrefix(), true)); err == nil {
			return nil
		}
	}
	if !u.final && ctx.Err() == nil && gtaFailure(err) {
		// Nothing ran: yaegi's global analysis failed on a definition.
		if ce, ok := e.runSplit(ctx, code, u); ok {
			return ce
		}
	}
	return e.unitError(ctx, code, u, err)
}

// evalUnit evaluates src, the source of u; when u's definitions of existing
// variables were turned into assignments and that does not compile (nothing
// ran), it evaluates the unit as written (redefine.go).
func (e *Engine) evalUnit(ctx context.Context, u *unit, src string) (reflect.Value, error) {
	v, err := e.in.EvalWithContext(ctx, src)
	if err != nil && u.orig != "" && src == u.src && ctx.Err() == nil && (isCompileError(err) || gtaFailure(err)) {
		u.src, u.orig = u.orig, ""
		return e.in.EvalWithContext(ctx, u.src)
	}
	return v, err
}

// valPrefix is the prefix of the final values' names: __nnv, __nnv1_, …
func (e *Engine) valPrefix() string {
	if e.valNames == 0 {
		return valName
	}
	return fmt.Sprintf("%s%d_", valName, e.valNames)
}
