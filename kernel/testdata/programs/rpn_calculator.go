package main

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

type Stack[T any] struct{ items []T }

func (s *Stack[T]) Push(v T) { s.items = append(s.items, v) }
func (s *Stack[T]) Pop() (T, bool) {
	var zero T
	if len(s.items) == 0 {
		return zero, false
	}
	v := s.items[len(s.items)-1]
	s.items = s.items[:len(s.items)-1]
	return v, true
}
func (s *Stack[T]) Len() int { return len(s.items) }

var ErrStack = errors.New("stack underflow")

func eval(expr string) (float64, error) {
	var st Stack[float64]
	for _, tok := range strings.Fields(expr) {
		switch tok {
		case "+", "-", "*", "/":
			b, ok1 := st.Pop()
			a, ok2 := st.Pop()
			if !ok1 || !ok2 {
				return 0, fmt.Errorf("%q: %w", tok, ErrStack)
			}
			var r float64
			switch tok {
			case "+":
				r = a + b
			case "-":
				r = a - b
			case "*":
				r = a * b
			case "/":
				if b == 0 {
					return 0, errors.New("division by zero")
				}
				r = a / b
			}
			st.Push(r)
		default:
			n, err := strconv.ParseFloat(tok, 64)
			if err != nil {
				return 0, fmt.Errorf("bad token %q", tok)
			}
			st.Push(n)
		}
	}
	if st.Len() != 1 {
		return 0, fmt.Errorf("%d values left", st.Len())
	}
	v, _ := st.Pop()
	return v, nil
}

func main() {
	for _, e := range []string{"3 4 +", "5 1 2 + 4 * + 3 -", "2 3 4", "1 +", "4 0 /", "2 x *", "10 3 /"} {
		v, err := eval(e)
		if err != nil {
			fmt.Printf("%-20s error: %v (underflow=%v)\n", e, err, errors.Is(err, ErrStack))
			continue
		}
		fmt.Printf("%-20s = %g\n", e, v)
	}
	var words Stack[string]
	for _, w := range strings.Fields("one two three") {
		words.Push(w)
	}
	for words.Len() > 0 {
		w, _ := words.Pop()
		fmt.Print(w, " ")
	}
	fmt.Println()
}
