package main

import (
	"errors"
	"fmt"
)

// NotFound says which key a lookup missed.
type NotFound struct{ Key string }

func (e *NotFound) Error() string { return "not found: " + e.Key }

var ErrClosed = errors.New("store closed")

func get(key string) (string, error) {
	if key == "" {
		return "", ErrClosed
	}
	return "", &NotFound{key}
}

func load(key string) error {
	if _, err := get(key); err != nil {
		return fmt.Errorf("load %q: %w", key, err)
	}
	return nil
}

func main() {
	err := load("cfg")
	fmt.Println(err)
	inner := errors.Unwrap(err)
	fmt.Println(inner)
	var nf *NotFound
	if errors.As(err, &nf) {
		fmt.Println("missing key", nf.Key)
	}
	err = fmt.Errorf("retry: %w", load(""))
	fmt.Println(err, errors.Is(err, ErrClosed), err == ErrClosed, errors.Unwrap(errors.Unwrap(err)) == ErrClosed)
	fmt.Println(errors.As(err, &nf))
}
