package kernel

import (
	"fmt"
	"go/token"
	"reflect"
	goruntime "runtime"
	"sync"

	rt "github.com/nnbook/nnbook/kernel/internal/runtime"
)

// Runtime panics as Go makes them. The rewrite passes "bounds", "faults"
// and "panics" of kernel/rewrite make interpreted code call the helpers
// here: an index or slice expression whose bounds are wrong panics with
// Go's own runtime.Error before yaegi's reflect can panic with its text, a
// division by zero, an assignment to a nil map and a dereference of a nil
// pointer before yaegi makes them, and
// recover() returns what Go's would (kernel/internal/runtime.Translate).
// The position of a failed check is kept, so that the error names the line
// of the failing expression rather than that of its function's first
// statement (yaegi's trace).

// panicSite is where a check of the rewritten code failed, or where panic
// was called.
type panicSite struct {
	mu        sync.Mutex
	v         interface{} // the runtime.Error or the value passed to panic
	line, col int         // in the unit's parsed source (line 1 is the wrapper)
}

// at records v at line:col.
func (s *panicSite) at(v interface{}, line, col int) {
	s.mu.Lock()
	s.v, s.line, s.col = v, line, col
	s.mu.Unlock()
}

// fail records err at line:col and panics with it.
func (s *panicSite) fail(err goruntime.Error, line, col int) {
	s.at(err, line, col)
	panic(err)
}

// take returns the recorded position when v is the recorded value, and
// forgets it.
func (s *panicSite) take(v interface{}) (line, col int, ok bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if v == nil || s.v == nil || !sameValue(v, s.v) {
		return 0, 0, false
	}
	line, col = s.line, s.col
	s.v = nil
	return line, col, true
}

// sameValue compares two values without panicking on uncomparable ones.
func sameValue(a, b interface{}) bool {
	ta, tb := reflect.TypeOf(a), reflect.TypeOf(b)
	if ta != tb || !ta.Comparable() {
		return false
	}
	return a == b
}

// panicSymbols are the helpers of package nnbookrt (__rt) that check
// bounds and translate recovered values.
func (e *Engine) panicSymbols() map[string]reflect.Value {
	s := &e.panicked
	return map[string]reflect.Value{
		// x[i] → x[__rt.Index(i, len(x), line, col)]
		"Index": reflect.ValueOf(func(i, n, line, col int) int {
			if uint(i) < uint(n) {
				return i
			}
			s.fail(rt.IndexError(i, n), line, col)
			return 0
		}),
		// s[lo:hi] of a slice → s[__rt.Slice(lo, hi, cap(s), line, col):hi]
		"Slice": reflect.ValueOf(func(lo, hi, c, line, col int) int {
			if err := rt.SliceError(lo, hi, c); err != nil {
				s.fail(err, line, col)
			}
			return lo
		}),
		// x[lo:hi] of a string or array → x[__rt.SliceLen(lo, hi, len(x), line, col):hi]
		"SliceLen": reflect.ValueOf(func(lo, hi, n, line, col int) int {
			if err := rt.SliceLenError(lo, hi, n); err != nil {
				s.fail(err, line, col)
			}
			return lo
		}),
		// s[lo:hi:max] → s[__rt.Slice3(lo, hi, max, cap(s), line, col):hi:max]
		"Slice3": reflect.ValueOf(func(lo, hi, max, c, line, col int) int {
			if err := rt.Slice3Error(lo, hi, max, c); err != nil {
				s.fail(err, line, col)
			}
			return lo
		}),
		// q := a / b → if b == 0 { __rt.DivideZero(line, col) }; q := a / b
		"DivideZero": reflect.ValueOf(func(line, col int) {
			s.fail(rt.DivideError(), line, col)
		}),
		// m[k] = v → if m == nil { __rt.NilMap(line, col) }; m[k] = v
		"NilMap": reflect.ValueOf(func(line, col int) {
			s.fail(rt.NilMapError(), line, col)
		}),
		// p.n = v → if p == nil { __rt.NilDeref(line, col) }; p.n = v
		"NilDeref": reflect.ValueOf(func(line, col int) {
			s.fail(rt.NilDeref(), line, col)
		}),
		// f()[i] → __rt.IndexOf(f(), i, line, col).(T)[i]
		"IndexOf": reflect.ValueOf(func(x interface{}, i, line, col int) interface{} {
			if n := reflect.ValueOf(x).Len(); uint(i) >= uint(n) {
				s.fail(rt.IndexError(i, n), line, col)
			}
			return x
		}),
		// f()[lo:hi:max] → __rt.SliceOf(f(), lo, hi, max, parts, line, col).(T)[lo:hi:max],
		// parts saying which of hi (1) and max (2) are written (0 stands for
		// an omitted one)
		"SliceOf": reflect.ValueOf(func(x interface{}, lo, hi, max, parts, line, col int) interface{} {
			v := reflect.ValueOf(x)
			if parts&1 == 0 {
				hi = v.Len()
			}
			var err goruntime.Error
			switch {
			case parts&2 != 0:
				err = rt.Slice3Error(lo, hi, max, v.Cap())
			case v.Kind() == reflect.String:
				err = rt.SliceLenError(lo, hi, v.Len())
			default:
				err = rt.SliceError(lo, hi, v.Cap())
			}
			if err != nil {
				s.fail(err, line, col)
			}
			return x
		}),
		// panic(v) → panic(__rt.At(v, line, col))
		"At": reflect.ValueOf(func(v interface{}, line, col int) interface{} {
			s.at(v, line, col)
			return v
		}),
		// recover() → __rt.Recover(recover())
		"Recover": reflect.ValueOf(func(v interface{}) interface{} {
			e.recoverCell(v, true) // a function a cell defers (celldefer.go)
			out, _, _ := rt.Translate(v)
			return out
		}),
		// recover() in a function literal a cell defers at its top level
		// → __rt.CellRecover(recover()) (celldefer.go)
		"CellRecover": reflect.ValueOf(e.cellRecover),
		// a deferred function literal that calls recover, made at the defer
		// statement (deferrecover.go)
		"RecoverDeferred": reflect.ValueOf(recoverDeferred),
		// a function whose deferred literals may panic before other
		// deferred calls run (deferguard.go)
		"DeferGuard": reflect.ValueOf(deferGuard),
	}
}

// goPanicText is how Go prints a panic value that nothing recovered
// (runtime.printpanicval): an error's Error(), a Stringer's String(), a
// string or number as it is.
func goPanicText(v interface{}) string {
	switch x := v.(type) {
	case nil:
		return "panic called with nil argument"
	case error:
		return x.Error()
	case fmt.Stringer:
		return x.String()
	}
	return fmt.Sprint(v)
}

// panicValue translates a panic that ended a cell into Go's value and text,
// with the cell line of the failed check or type assertion when known
// (yaegi's own trace gives only the function's first line).
func (e *Engine) panicValue(v interface{}) (text string, line, col int, ok bool) {
	out, l, c := rt.Translate(v)
	if l > 0 {
		return goPanicText(out), l - 1, c, true
	}
	if l, c, found := e.panicked.take(out); found {
		return goPanicText(out), l - 1, c, true
	}
	return goPanicText(out), 0, 0, false
}

// cellDefines returns the names the cell may define: every identifier
// before := or a comma, after var or const, or starting a line of a var
// block. More than it defines is fine: the bounds pass then leaves those
// names' indexes to yaegi.
func cellDefines(code string) map[string]bool {
	toks, err := scanAll(code)
	if err != nil {
		return nil
	}
	defs := map[string]bool{}
	for i, t := range toks {
		if t.tok != token.IDENT {
			continue
		}
		after := i+1 < len(toks) && (toks[i+1].tok == token.DEFINE || toks[i+1].tok == token.COMMA)
		before := i > 0 && (toks[i-1].tok == token.VAR || toks[i-1].tok == token.CONST)
		// A spec of a var ( … ) block starts a line inside parentheses.
		spec := i > 0 && (toks[i-1].tok == token.LPAREN || toks[i-1].tok == token.SEMICOLON) &&
			i+1 < len(toks) && toks[i+1].tok != token.LPAREN && toks[i+1].tok != token.PERIOD && toks[i+1].tok != token.LBRACK
		if after || before || spec {
			defs[t.lit] = true
		}
	}
	return defs
}

// failingFrame returns the index of the frame of yaegi's trace (innermost
// first, each at its function's first line) that the failing position at
// line belongs to: the one that starts last at or before it, the innermost
// of those on a tie (a panic in a deferred call is not in the frame that
// panicked first). It returns -1 when known is false or no frame fits.
func failingFrame(trace []string, line int, known bool) int {
	best, bestLine := -1, 0
	if !known {
		return best
	}
	for i, t := range trace {
		l, _, _, ok := parseTrace(t)
		if ok && l <= line && (best < 0 || l > bestLine) {
			best, bestLine = i, l
		}
	}
	return best
}
