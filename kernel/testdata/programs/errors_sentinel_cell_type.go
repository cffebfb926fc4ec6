package main

import (
	"errors"
	"fmt"
)

// LimitError is a sentinel error type: its values are compared by identity.
type LimitError struct{ What string }

func (e *LimitError) Error() string { return e.What + " limit reached" }

var (
	ErrTooMany       = &LimitError{"count"}
	ErrTooBig  error = &LimitError{"size"}
)

func add(n, size int) error {
	if n > 3 {
		return ErrTooMany
	}
	if size > 10 {
		return ErrTooBig
	}
	return nil
}

func main() {
	for _, c := range [][2]int{{1, 5}, {4, 5}, {2, 20}} {
		err := add(c[0], c[1])
		fmt.Println(err == nil, err == ErrTooMany, err == ErrTooBig, errors.Is(err, ErrTooBig))
		if err != nil {
			wrapped := fmt.Errorf("add %v: %w", c, err)
			fmt.Println(wrapped, errors.Is(wrapped, ErrTooMany), errors.Unwrap(wrapped) == ErrTooBig)
		}
	}
}
