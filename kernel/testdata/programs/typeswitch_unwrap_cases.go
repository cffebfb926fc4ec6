package main

import (
	"errors"
	"fmt"
	"strings"
)

// OpError wraps the error of one operation.
type OpError struct {
	Op  string
	Err error
}

func (e *OpError) Error() string { return e.Op + ": " + e.Err.Error() }
func (e *OpError) Unwrap() error { return e.Err }

// Batch holds the errors of several operations.
type Batch []error

func (b Batch) Error() string   { return fmt.Sprint(len(b), " errors") }
func (b Batch) Unwrap() []error { return b }

// tree prints an error and what it wraps, indented, as errors.Is walks it.
func tree(err error, depth int) {
	fmt.Println(strings.Repeat("  ", depth) + err.Error())
	switch x := err.(type) {
	case interface{ Unwrap() error }:
		if inner := x.Unwrap(); inner != nil {
			tree(inner, depth+1)
		}
	case interface{ Unwrap() []error }:
		for _, e := range x.Unwrap() {
			tree(e, depth+1)
		}
	}
}

func main() {
	base := errors.New("disk full")
	err := fmt.Errorf("save: %w", Batch{&OpError{"write", base}, &OpError{"sync", errors.New("timeout")}, base})
	tree(err, 0)
	tree(errors.Join(&OpError{"read", base}, base), 0)
}
