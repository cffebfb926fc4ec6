package main

import (
	"fmt"
	"iter"
	"slices"
)

func Map[T, U any](seq iter.Seq[T], f func(T) U) iter.Seq[U] {
	return func(yield func(U) bool) {
		for v := range seq {
			if !yield(f(v)) {
				return
			}
		}
	}
}

func main() {
	sq := Map(slices.Values([]int{1, 2, 3}), func(x int) int { return x * x })
	fmt.Println(slices.Collect(sq))
}
