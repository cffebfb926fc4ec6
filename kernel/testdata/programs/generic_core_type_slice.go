package main

import "fmt"

// Celsius is a named slice type; Sum and Index accept it through their
// core-type constraints.
type Celsius []float64

func Sum[S ~[]E, E int | float64](s S) E {
	var t E
	for _, x := range s {
		t += x
	}
	return t
}

func Index[S ~[]E, E comparable](s S, v E) int {
	for i, x := range s {
		if x == v {
			return i
		}
	}
	return -1
}

func CountKeys[M ~map[K]V, K comparable, V any](m M, keep func(K) bool) int {
	n := 0
	for k := range m {
		if keep(k) {
			n++
		}
	}
	return n
}

func main() {
	temps := Celsius{20.5, 22, 19.5}
	fmt.Println(Sum(temps), Sum([]int{1, 2, 3}))
	fmt.Println(Index(temps, 22), Index([]string{"a", "b"}, "c"))
	ages := map[string]int{"ann": 30, "bo": 7, "cy": 41}
	fmt.Println(CountKeys(ages, func(k string) bool { return k < "c" }))
}
