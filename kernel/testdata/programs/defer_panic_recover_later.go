// A deferred call that panics does not stop the function's other deferred
// calls; one deferred before it may recover the new panic.
package main

import (
	"errors"
	"fmt"
)

var errClosed = errors.New("already closed")

type file struct {
	name   string
	closed bool
}

func (f *file) Close() error {
	if f.closed {
		return errClosed
	}
	f.closed = true
	fmt.Println("closed", f.name)
	return nil
}

// copyFiles closes each file in a deferred literal that panics on an error;
// the first deferred literal turns a panic into the function's error.
func copyFiles(files ...*file) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("copy: %v", r)
		}
	}()
	for _, f := range files {
		defer func() {
			if cerr := f.Close(); cerr != nil {
				panic(fmt.Errorf("close %s: %w", f.name, cerr))
			}
		}()
	}
	fmt.Println("copying", len(files), "files")
	return nil
}

// step panics in its body; a deferred literal replaces the panic with
// another, and the literal deferred first recovers the second one.
func step(n int) (result string) {
	defer func() {
		r := recover()
		result = fmt.Sprintf("step %d recovered %v", n, r)
	}()
	defer func() {
		if r := recover(); r != nil {
			panic(fmt.Sprintf("cleanup after %v", r))
		}
	}()
	defer fmt.Println("step", n, "unwinding")
	if n > 1 {
		panic(fmt.Sprintf("step %d too big", n))
	}
	return "ok"
}

// nobodyRecovers lets a deferred literal's panic go on to its caller,
// after the other deferred calls ran.
func nobodyRecovers() {
	defer fmt.Println("first deferred, runs last")
	defer func() { panic(errClosed) }()
	defer fmt.Println("last deferred, runs first")
}

func main() {
	a, b := &file{name: "a"}, &file{name: "b", closed: true}
	fmt.Println(copyFiles(a, b, &file{name: "c"}))
	fmt.Println(step(1))
	fmt.Println(step(2))
	func() {
		defer func() {
			r := recover()
			err, ok := r.(error)
			fmt.Println("main recovered:", r, ok, errors.Is(err, errClosed))
		}()
		nobodyRecovers()
	}()
}
