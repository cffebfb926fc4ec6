package main

import (
	"fmt"
	"iter"
	"slices"
)

// zip pairs the values of two sequences until the shorter one ends.
func zip(a, b iter.Seq[int]) [][2]int {
	na, stopA := iter.Pull(a)
	defer stopA()
	nb, stopB := iter.Pull(b)
	defer stopB()
	var out [][2]int
	for {
		x, ok1 := na()
		y, ok2 := nb()
		if !ok1 || !ok2 {
			return out
		}
		out = append(out, [2]int{x, y})
	}
}

func main() {
	fmt.Println(zip(slices.Values([]int{1, 2, 3}), slices.Values([]int{10, 20})))
	fmt.Println(zip(slices.Values([]int{7}), slices.Values([]int{8, 9})))
}
