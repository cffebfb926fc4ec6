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
// a panic inside yaegi is an error. While an interrupted cell still runs,
// nothing is evaluated (yaegi would let that cell run on, interrupt.go):
// a variable's value is read from the session's globals instead.
func (e *Engine) eval(src string) (v reflect.Value, err error) {
	if !e.waitIdle(idleWait) {
		return globalValue(e.in, src)
	}
	defer func() {
		if r := recover(); r != nil {
			v, err = reflect.Value{}, fmt.Errorf("interpreter: %v", r)
		}
	}()
	return e.in.Eval(src)
}

// run evaluates one unit, going up the retry ladder (ladder.go) while
// yaegi rejects it before any of its code ran.
func (e *Engine) run(ctx context.Context, code string, u *unit) *CellError {
	u.runSrc = u.src
	if u.final {
		// Decided now, after the cell's earlier units defined their names.
		u.nres, u.lastErr = e.results(u)
		if u.nres == 0 {
			u.runSrc = u.plain
		} else {
			// A name yaegi cannot resolve would leave its top-level
			// analysis in a state that garbles the error message.
			literal := e.firstUndefined(*u) != nil || u.expr != nil && e.callsGeneric(u.expr)
			u.runSrc = u.finalSource(e.valPrefix(), literal)
			u.literal = literal
		}
	}
	return e.climb(ctx, code, u)
}

// valPrefix is the prefix of the final values' names: __nnv, __nnv1_, …
func (e *Engine) valPrefix() string {
	if e.valNames == 0 {
		return valName
	}
	return fmt.Sprintf("%s%d_", valName, e.valNames)
}
