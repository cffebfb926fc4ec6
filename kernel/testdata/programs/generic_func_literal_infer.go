package main

import (
	"fmt"
	"strconv"
)

// Map's second type parameter is known only from the function literal's
// result type.
func Map[T, U any](xs []T, f func(T) U) []U {
	out := make([]U, len(xs))
	for i, x := range xs {
		out[i] = f(x)
	}
	return out
}

// Fold's accumulator type comes from both an untyped constant and the
// function literal's parameter.
func Fold[T, A any](xs []T, init A, f func(A, T) A) (acc A) {
	acc = init
	for i := range xs {
		acc = f(acc, xs[i])
	}
	return
}

func Clamp[T int | float64](x, lo, hi T) T { return max(lo, min(x, hi)) }

func main() {
	words := Map([]int{1, 2, 3}, func(n int) string { return strconv.Itoa(n * n) })
	fmt.Println(words, len(words[2]))
	halves := Map([]int{1, 2}, func(n int) float64 { return float64(n) / 2 })
	fmt.Println(halves)
	total := Fold([]string{"a", "bb", "ccc"}, 0, func(acc int, s string) int { return acc + len(s) })
	fmt.Println(total)
	var lo, hi float64 = 0, 1
	fmt.Println(Clamp(0.25, lo, hi), Clamp(2, lo, hi), Clamp(-3, -1, 1))
}
