// Package runtime gives interpreted code Go's own run-time panics.
//
// yaegi v0.16.1 runs a cell's index, slice and pointer operations through
// package reflect, so where Go panics with a runtime.Error ("runtime error:
// index out of range [5] with length 3") yaegi panics with reflect's text
// ("reflect: slice index out of range"), which names neither the index nor
// the length, and a value passed to panic is recovered as the reflect.Value
// that holds it. The engine's rewrites check indexes and slice bounds
// before yaegi does (Index, Slice, SliceLen, Slice3) and pass what recover
// returns through Translate.
//
// The errors are Go's own: each is obtained from the Go runtime by making
// the same failing operation in compiled code (an index into a slice of
// empty structs of the same length, a nil pointer dereference) and
// recovering it, so their text and type are exactly what `go run` shows.
// Only a failed type assertion, whose types yaegi describes in text alone,
// is a TypeAssertionError of this package; its name is the runtime's.
package runtime

import (
	"fmt"
	"reflect"
	goruntime "runtime"
	"strings"
	"unsafe"
)

// catch runs f and returns the runtime.Error it panics with.
func catch(f func()) (err goruntime.Error) {
	defer func() {
		r := recover()
		if e, ok := r.(goruntime.Error); ok {
			err = e
			return
		}
		panic(fmt.Sprintf("nnbook: expected a runtime error, got %v", r))
	}()
	f()
	panic("nnbook: the operation did not fail")
}

// IndexError returns Go's error for x[i] where x has length n, or nil when
// i is in range.
func IndexError(i, n int) goruntime.Error {
	if uint(i) < uint(n) {
		return nil
	}
	return catch(func() { _ = make([]struct{}, n)[i] })
}

// SliceError returns Go's error for s[lo:hi] where the slice s has capacity
// c (an omitted hi is len(s)), or nil when the bounds are in range.
func SliceError(lo, hi, c int) goruntime.Error {
	if 0 <= lo && lo <= hi && uint(hi) <= uint(c) {
		return nil
	}
	return catch(func() { _ = make([]struct{}, 0, c)[lo:hi] })
}

// SliceLenError returns Go's error for x[lo:hi] where x is a string or an
// array of length n (an omitted hi is n), or nil when the bounds are in
// range.
func SliceLenError(lo, hi, n int) goruntime.Error {
	if 0 <= lo && lo <= hi && uint(hi) <= uint(n) {
		return nil
	}
	var b byte
	// A string of length n over one byte: the failing slice expression
	// checks its bounds and never reads it.
	s := unsafe.String(&b, n)
	return catch(func() { _ = s[lo:hi] })
}

// Slice3Error returns Go's error for s[lo:hi:max] where the slice s has
// capacity c, or nil when the bounds are in range.
func Slice3Error(lo, hi, max, c int) goruntime.Error {
	if 0 <= lo && lo <= hi && hi <= max && uint(max) <= uint(c) {
		return nil
	}
	return catch(func() { _ = make([]struct{}, 0, c)[lo:hi:max] })
}

// nilDeref is Go's error for a nil pointer dereference.
var nilDeref = catch(func() {
	var p *int
	_ = *p
})

// NilDeref returns Go's error for a nil pointer dereference: "runtime
// error: invalid memory address or nil pointer dereference".
func NilDeref() goruntime.Error { return nilDeref }

// divideError is Go's error for an integer division by zero.
var divideError = catch(func() {
	zero := 0
	_ = 1 / zero
})

// DivideError returns Go's error for an integer division or modulo by
// zero: "runtime error: integer divide by zero".
func DivideError() goruntime.Error { return divideError }

// nilMapError is Go's error for an assignment to an entry of a nil map.
var nilMapError = catch(func() {
	var m map[int]int
	m[0] = 0
})

// NilMapError returns Go's error for an assignment to an entry of a nil
// map: "assignment to entry in nil map".
func NilMapError() goruntime.Error { return nilMapError }

// TypeAssertionError is a failed type assertion x.(T), as Go's
// *runtime.TypeAssertionError: a runtime.Error whose text is
// "interface conversion: …".
type TypeAssertionError struct {
	msg string // after "interface conversion: "
}

// RuntimeError marks the error as a run-time panic.
func (*TypeAssertionError) RuntimeError() {}

// Error returns "interface conversion: interface {} is string, not int".
func (e *TypeAssertionError) Error() string { return "interface conversion: " + e.msg }

// String returns the error's text.
func (e *TypeAssertionError) String() string { return e.Error() }

// Translate returns the value Go would recover for v, a value recovered
// from interpreted code: the value passed to panic (yaegi recovers the
// reflect.Value that holds it), or Go's runtime.Error for reflect's and
// yaegi's texts of a nil pointer dereference, a call of a nil function and
// a failed type assertion. Any other value comes back as it is. line is the
// cell line yaegi gave a failed type assertion, or 0.
func Translate(v any) (out any, line, col int) {
	switch x := v.(type) {
	case reflect.Value:
		if x.IsValid() && x.CanInterface() {
			return x.Interface(), 0, 0
		}
	case *reflect.ValueError:
		if x.Kind == reflect.Invalid {
			return nilDeref, 0, 0
		}
	case string:
		if x == "reflect.Value.Call: call of nil function" {
			return nilDeref, 0, 0
		}
	case error:
		// yaegi's *interp.cfgError: "L:C: interface conversion: …".
		msg := x.Error()
		var l, c int
		if n, _ := fmt.Sscanf(msg, "%d:%d: ", &l, &c); n == 2 {
			_, rest, _ := strings.Cut(msg, ": ")
			if t, ok := strings.CutPrefix(rest, "interface conversion: "); ok && reflect.TypeOf(x).String() == "*interp.cfgError" {
				return &TypeAssertionError{msg: t}, l, c
			}
		}
	}
	return v, 0, 0
}
