package main

import (
	"errors"
	"fmt"
)

type ParseError struct {
	Line int
}

func (e *ParseError) Error() string { return fmt.Sprintf("parse error on line %d", e.Line) }

func parse() error { return fmt.Errorf("reading config: %w", &ParseError{Line: 7}) }

func main() {
	err := parse()
	fmt.Println(err)
	var pe *ParseError
	if errors.As(err, &pe) {
		fmt.Println("line", pe.Line)
	}
}
