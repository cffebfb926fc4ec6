package main

import "fmt"

// Number admits integers and floats.
type Number interface {
	~int | ~int32 | ~float64
}

// Scale multiplies x by f; called with untyped constants only, T is their
// default type (float64 when one of them is a float).
func Scale[T Number](x, f T) T { return x * f }

// Biggest returns the largest of its arguments.
func Biggest[T Number](first T, rest ...T) T {
	m := first
	for _, x := range rest {
		m = max(m, x)
	}
	return m
}

func main() {
	a := Scale(3, 0.5)
	b := Scale(3, 2)
	c := Scale('a', 2)
	fmt.Printf("%v %T | %v %T | %v %T\n", a, a, b, b, c, c)
	fmt.Println(Biggest(1, 7.5, -2), Biggest(4), Biggest(2, 1<<4))
}
