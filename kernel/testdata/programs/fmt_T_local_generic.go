package main

import "fmt"

type Pair[K comparable, V any] struct {
	Key K
	Val V
}

func main() {
	type point struct{ X, Y int }
	p := Pair[string, int]{"a", 1}
	q := point{1, 2}
	fmt.Printf("%T %+v\n", p, p)
	fmt.Printf("%T %#v\n", q, q)
	s := []point{q}
	fmt.Printf("%T %v\n", s, s)
}
