package main

import "fmt"

type ParseError struct {
	Line int
	Msg  string
}

func (e *ParseError) Error() string { return fmt.Sprintf("line %d: %s", e.Line, e.Msg) }

func check(line int, ok bool) {
	if !ok {
		panic(&ParseError{Line: line, Msg: "unexpected token"})
	}
}

func run() (err error) {
	defer func() {
		if r := recover(); r != nil {
			if pe, ok := r.(*ParseError); ok {
				fmt.Println("parse error at line", pe.Line)
				err = pe
				return
			}
			panic(r)
		}
	}()
	check(1, true)
	check(2, false)
	return nil
}

func main() {
	fmt.Println(run())
}
