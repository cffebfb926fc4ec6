package main

import (
	"fmt"
	"slices"
)

func main() {
	xs := []int{5, 2, 8, 1}
	slices.Sort(xs)
	fmt.Println(xs, slices.Max(xs), slices.Min(xs))
	i, found := slices.BinarySearch(xs, 5)
	fmt.Println(i, found, slices.Contains(xs, 8), slices.Index(xs, 2))
}
