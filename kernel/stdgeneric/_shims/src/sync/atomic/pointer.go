package atomic

import binsync "stdbin/sync"

// A Pointer is an atomic pointer of type *T. The zero value is a nil *T.
type Pointer[T any] struct {
	v *T
}

// Load atomically loads and returns the value stored in x.
func (x *Pointer[T]) Load() *T {
	pointerMu.Lock()
	defer pointerMu.Unlock()
	return x.v
}

// Store atomically stores val into x.
func (x *Pointer[T]) Store(val *T) {
	pointerMu.Lock()
	defer pointerMu.Unlock()
	x.v = val
}

// Swap atomically stores new into x and returns the previous value.
func (x *Pointer[T]) Swap(new *T) (old *T) {
	pointerMu.Lock()
	defer pointerMu.Unlock()
	old, x.v = x.v, new
	return old
}

// CompareAndSwap executes the compare-and-swap operation for x.
func (x *Pointer[T]) CompareAndSwap(old, new *T) (swapped bool) {
	pointerMu.Lock()
	defer pointerMu.Unlock()
	if x.v != old {
		return false
	}
	x.v = new
	return true
}

// pointerMu serializes the operations of every Pointer: a generic type's
// fields cannot name another package's types in yaegi.
var pointerMu binsync.Mutex
