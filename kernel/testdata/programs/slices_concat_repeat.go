package main

import (
	"fmt"
	"slices"
)

func main() {
	a := []int{1, 2}
	b := slices.Concat(a, []int{3}, []int{4, 5})
	fmt.Println(b, len(b))
	fmt.Println(slices.Repeat([]string{"x", "y"}, 3))
	slices.Chunk(b, 2)(func(c []int) bool {
		fmt.Println(c, len(c), cap(c))
		return true
	})
	c := slices.Grow(a, 10)
	fmt.Println(c, len(c), cap(c) >= 12)
	fmt.Println(slices.Replace([]int{0, 1, 2, 3}, 1, 3, 9))
	fmt.Println(slices.CompactFunc([]string{"a", "A", "b"}, func(x, y string) bool {
		return x == y || x == "a" && y == "A"
	}))
}
