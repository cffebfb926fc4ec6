package main

import (
	"errors"
	"fmt"
	"strings"
)

// MultiError collects the errors of several steps.
type MultiError struct{ Errs []error }

func (m *MultiError) Error() string {
	var parts []string
	for _, e := range m.Errs {
		parts = append(parts, e.Error())
	}
	return strings.Join(parts, "; ")
}

func (m *MultiError) Unwrap() []error { return m.Errs }

// StepError names a failed step.
type StepError struct{ Step int }

func (e StepError) Error() string { return fmt.Sprintf("step %d failed", e.Step) }

var ErrTimeout = errors.New("timeout")

func run() error {
	return &MultiError{[]error{StepError{2}, fmt.Errorf("step 3: %w", ErrTimeout)}}
}

func main() {
	err := run()
	fmt.Println(err)
	fmt.Println(errors.Is(err, ErrTimeout), errors.Is(err, StepError{2}), errors.Is(err, StepError{4}))
	var se StepError
	fmt.Println(errors.As(err, &se), se.Step)
	fmt.Println(errors.Unwrap(err) == nil)
}
