package main

import (
	"fmt"
	"strings"
)

type Stack struct {
	items []string
}

func NewStack(words ...string) *Stack {
	s := &Stack{}
	for _, w := range words {
		s.Push(w)
	}
	return s
}

func (s *Stack) Push(w string) {
	s.items = append(s.items, normalize(w))
}

func (s *Stack) Pop() (string, bool) {
	if s.Empty() {
		return "", false
	}
	w := s.items[len(s.items)-1]
	s.items = s.items[:len(s.items)-1]
	return w, true
}

func (s *Stack) Empty() bool { return len(s.items) == 0 }

func normalize(w string) string { return strings.ToLower(strings.TrimSpace(w)) }

func main() {
	s := NewStack(" Go ", "IS", "fun")
	for !s.Empty() {
		w, _ := s.Pop()
		fmt.Print(w, " ")
	}
	fmt.Println()
	_, ok := s.Pop()
	fmt.Println(ok)
}
