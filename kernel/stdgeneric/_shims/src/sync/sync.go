// Package sync is nnbook's interpreted front of the standard package sync
// for cells: every name is the compiled one (yaegi's table, loaded under the
// hidden path stdbin/sync), and OnceValue and OnceValues, generic, are
// interpreted, as in GOROOT/src/sync/oncefunc.go.
package sync

import bin "stdbin/sync"

// The types of sync.
type (
	Cond      = bin.Cond
	Locker    = bin.Locker
	Map       = bin.Map
	Mutex     = bin.Mutex
	Once      = bin.Once
	Pool      = bin.Pool
	RWMutex   = bin.RWMutex
	WaitGroup = bin.WaitGroup
)

// The functions of sync.
var (
	NewCond  = bin.NewCond
	OnceFunc = bin.OnceFunc
)

// OnceValue returns a function that invokes f only once and returns the
// value returned by f. The returned function may be called concurrently.
//
// If f panics, the returned function will panic with the same value on
// every call.
func OnceValue[T any](f func() T) func() T {
	var (
		once   Once
		valid  bool
		p      interface{}
		result T
	)
	g := func() {
		defer func() {
			p = recover()
			if !valid {
				panic(p)
			}
		}()
		result = f()
		f = nil
		valid = true
	}
	return func() T {
		once.Do(g)
		if !valid {
			panic(p)
		}
		return result
	}
}

// OnceValues returns a function that invokes f only once and returns the
// values returned by f. The returned function may be called concurrently.
//
// If f panics, the returned function will panic with the same value on
// every call.
func OnceValues[T1, T2 any](f func() (T1, T2)) func() (T1, T2) {
	var (
		once  Once
		valid bool
		p     interface{}
		r1    T1
		r2    T2
	)
	g := func() {
		defer func() {
			p = recover()
			if !valid {
				panic(p)
			}
		}()
		r1, r2 = f()
		f = nil
		valid = true
	}
	return func() (T1, T2) {
		once.Do(g)
		if !valid {
			panic(p)
		}
		return r1, r2
	}
}
