package main

import "fmt"

type Stack []int

func (s *Stack) Push(v int) { *s = append(*s, v) }
func (s *Stack) Pop() int {
	old := *s
	v := old[len(old)-1]
	*s = old[:len(old)-1]
	return v
}
func (s Stack) Len() int { return len(s) }

func main() {
	var s Stack
	s.Push(1)
	s.Push(2)
	fmt.Println(s.Pop(), s.Len(), s)
}
