package cellerr

import (
	"reflect"
	"sync"
)

// A Checker returns v as an error when v holds a value of one cell type
// (T or *T) whose method set has Error. The kernel's rewrite declares one
// beside every method Error, as interpreted code: only yaegi can tell its
// own values apart.
type Checker func(v any) (error, bool)

// Registry holds the checkers of one session's cell types, so that a
// value held as an any (a type switch's `case error:`) can be recognised as
// an error: yaegi's own type switch compares type names and misses both
// cell types and compiled errors.
type Registry struct {
	mu sync.Mutex
	// exact checkers use a type switch, which tells cell types apart but
	// sees only values yaegi keeps with their type; loose ones use a type
	// assertion, which sees every value but cannot tell apart two cell types
	// of the same underlying type.
	exact, loose []Checker
}

// Register adds the checkers of one cell type; it returns true, so that a
// cell can call it in a package-level var declaration.
func (r *Registry) Register(exact, loose Checker) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.exact = append(r.exact, exact)
	r.loose = append(r.loose, loose)
	return true
}

// AsError returns v as an error, or nil when v is not one.
func (r *Registry) AsError(v any) error {
	if v == nil {
		return nil
	}
	if err, ok := v.(error); ok {
		return Whole(err)
	}
	r.mu.Lock()
	checkers := r.loose
	if typed(v) {
		checkers = r.exact
	}
	checkers = checkers[:len(checkers):len(checkers)]
	r.mu.Unlock()
	// The latest declarations first: a type declared again replaces the
	// earlier one.
	for i := len(checkers) - 1; i >= 0; i-- {
		if err, ok := checkers[i](v); ok {
			return Whole(err)
		}
	}
	return nil
}

// IsError reports whether v is an error, as AsError sees it.
func (r *Registry) IsError(v any) bool { return r.AsError(v) != nil }

// typed reports whether v is a value yaegi keeps with its cell type (a
// value of yaegi's own type, as an any parameter of a cell function holds).
func typed(v any) bool {
	t := reflect.TypeOf(v)
	return t.Kind() == reflect.Struct && t.PkgPath() == yaegiPath
}
