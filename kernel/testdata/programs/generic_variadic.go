package main

import "fmt"

func Largest[T int | float64 | string](first T, rest ...T) T {
	m := first
	for _, x := range rest {
		if x > m {
			m = x
		}
	}
	return m
}

func main() {
	fmt.Println(Largest(3, 9, 2))
	fmt.Println(Largest("pear", "apple"))
	fmt.Println(Largest(1.5))
}
