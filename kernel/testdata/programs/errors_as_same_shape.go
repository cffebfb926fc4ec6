package main

import (
	"errors"
	"fmt"
)

// NotFound and Forbidden have the same fields; errors.As and type
// assertions must still tell them apart.
type NotFound struct{ Path string }

func (e NotFound) Error() string { return "not found: " + e.Path }

type Forbidden struct{ Path string }

func (e Forbidden) Error() string { return "forbidden: " + e.Path }

// Timeout is a pointer error of the same shape.
type Timeout struct{ Path string }

func (e *Timeout) Error() string { return "timeout: " + e.Path }

func open(path string) error {
	switch path {
	case "/secret":
		return fmt.Errorf("open %s: %w", path, Forbidden{path})
	case "/missing":
		return NotFound{path}
	case "/slow":
		return fmt.Errorf("open: %w", &Timeout{path})
	}
	return nil
}

func classify(err error) string {
	var nf NotFound
	var fb Forbidden
	var to *Timeout
	switch {
	case errors.As(err, &nf):
		return "missing " + nf.Path
	case errors.As(err, &fb):
		return "denied " + fb.Path
	case errors.As(err, &to):
		return "slow " + to.Path
	}
	return "ok"
}

func main() {
	for _, p := range []string{"/secret", "/missing", "/slow", "/home"} {
		fmt.Println(p, "->", classify(open(p)))
	}
	err := open("/missing")
	_, isForbidden := err.(Forbidden)
	nf, isNotFound := err.(NotFound)
	fmt.Println(isForbidden, isNotFound, nf.Path)
	for _, p := range []string{"/secret", "/missing", "/slow"} {
		switch e := errors.Unwrap(open(p)).(type) {
		case NotFound:
			fmt.Println("switch: not found", e.Path)
		case Forbidden:
			fmt.Println("switch: forbidden", e.Path)
		case *Timeout:
			fmt.Println("switch: timeout", e.Path)
		case nil:
			fmt.Println("switch: not wrapped")
		}
	}
	defer func() { fmt.Println("recovered:", recover()) }()
	fmt.Println(err.(Forbidden).Path)
}
