package main

import (
	"fmt"
	"iter"
)

type Stack struct {
	items []string
}

func (s *Stack) Push(v string) { s.items = append(s.items, v) }

// All yields the items from the top of the stack down.
func (s *Stack) All() iter.Seq2[int, string] {
	return func(yield func(int, string) bool) {
		for i := len(s.items) - 1; i >= 0; i-- {
			if !yield(len(s.items)-1-i, s.items[i]) {
				return
			}
		}
	}
}

func main() {
	s := &Stack{}
	for _, w := range []string{"a", "b", "c"} {
		s.Push(w)
	}
	for depth, v := range s.All() {
		fmt.Println(depth, v)
	}
}
