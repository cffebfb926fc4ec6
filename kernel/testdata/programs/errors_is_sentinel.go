package main

import (
	"errors"
	"fmt"
)

var ErrEmpty = errors.New("empty input")

func check(s string) error {
	if s == "" {
		return fmt.Errorf("check: %w", ErrEmpty)
	}
	return nil
}

func main() {
	err := check("")
	fmt.Println(err, errors.Is(err, ErrEmpty))
	fmt.Println(errors.Unwrap(err) == ErrEmpty)
	fmt.Println(check("x") == nil)
}
