package main

import "fmt"

type ParseError struct {
	Line int
}

func (e *ParseError) Error() string {
	if e == nil {
		return "no parse error"
	}
	return fmt.Sprintf("parse error on line %d", e.Line)
}

// parseBad returns a nil *ParseError as an error: the error is not nil.
func parseBad(text string) error {
	var p *ParseError
	if text == "" {
		p = &ParseError{Line: 1}
	}
	return p
}

// parseGood returns a plain nil when all is well.
func parseGood(text string) error {
	if text == "" {
		return &ParseError{Line: 1}
	}
	return nil
}

func main() {
	err := parseBad("x = 1")
	fmt.Println("bad:", err != nil, err)
	err = parseGood("x = 1")
	fmt.Println("good:", err != nil, err)
	err = parseBad("")
	fmt.Println("empty:", err != nil, err)

	var p *ParseError
	var e error = p
	fmt.Println(p == nil, e == nil)
	e = nil
	fmt.Println(e == nil)
}
