package main

import (
	"errors"
	"fmt"
	"io"
)

var (
	ErrNotFound = errors.New("not found")
	ErrDenied   = errors.New("permission denied")
)

func open(name string) error {
	switch name {
	case "secret":
		return ErrDenied
	case "":
		return io.EOF
	case "missing":
		return ErrNotFound
	}
	return nil
}

func main() {
	for _, n := range []string{"secret", "missing", "", "ok"} {
		err := open(n)
		switch {
		case err == nil:
			fmt.Println(n, "opened")
		case err == ErrNotFound:
			fmt.Println(n, "is missing")
		case err == io.EOF:
			fmt.Println("empty name")
		case errors.Is(fmt.Errorf("wrapped: %w", err), ErrDenied):
			fmt.Println(n, "denied:", err)
		}
	}
	fmt.Println(ErrNotFound == ErrDenied, ErrNotFound != nil)
}
