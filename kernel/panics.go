package kernel

import (
	"fmt"
	"go/token"
	"reflect"
	goruntime "runtime"
	"sync"

	rt "github.com/nnbook/nnbook/kernel/internal/runtime"
)

// Runtime panics as Go makes them. The rewrite passes "bounds" and
// "recover" of kernel/rewrite make interpreted code call the helpers here:
// an index or slice expression whose bounds are wrong panics with Go's own
// runtime.Error before yaegi's reflect can panic with its text, and
// recover() returns what Go's would (kernel/internal/runtime.Translate).
// The position of a failed check is kept, so that the error names the line
// of the failing expression rather than that of its function's first
// statement (yaegi's trace).

// panicSite is where a check of the rewritten code failed.
type panicSite struct {
	mu        sync.Mutex
	err       error // the runtime.Error it panicked with
	line, col int   // in the unit's parsed source (line 1 is the wrapper)
}

// fail records err at line:col and panics with it.
func (s *panicSite) fail(err goruntime.Error, line, col int) {
	s.mu.Lock()
	s.err, s.line, s.col = err, line, col
	s.mu.Unlock()
	panic(err)
}

// take returns the recorded position when err is the recorded error, and
// forgets it.
func (s *panicSite) take(err interface{}) (line, col int, ok bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	e, isErr := err.(error)
	if !isErr || s.err == nil || !sameError(e, s.err) {
		return 0, 0, false
	}
	line, col = s.line, s.col
	s.err = nil
	return line, col, true
}

// sameError compares two errors without panicking on uncomparable ones.
func sameError(a, b error) bool {
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
		// recover() → __rt.Recover(recover())
		"Recover": reflect.ValueOf(func(v interface{}) interface{} {
			out, _, _ := rt.Translate(v)
			return out
		}),
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
