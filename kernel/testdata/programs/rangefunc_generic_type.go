package main

import (
	"fmt"
	"iter"
)

// Set keeps values in the order they were first added.
type Set[T comparable] struct {
	order []T
	seen  map[T]bool
}

func NewSet[T comparable]() *Set[T] {
	return &Set[T]{seen: map[T]bool{}}
}

func (s *Set[T]) Add(v T) {
	if !s.seen[v] {
		s.seen[v] = true
		s.order = append(s.order, v)
	}
}

// All yields the values in insertion order.
func (s *Set[T]) All() iter.Seq[T] {
	return func(yield func(T) bool) {
		for _, v := range s.order {
			if !yield(v) {
				return
			}
		}
	}
}

func main() {
	s := NewSet[string]()
	for _, w := range []string{"b", "a", "b", "c", "a"} {
		s.Add(w)
	}
	for v := range s.All() {
		fmt.Print(v, " ")
	}
	fmt.Println()
}
