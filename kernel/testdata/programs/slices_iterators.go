package main

import (
	"fmt"
	"slices"
)

func main() {
	xs := []string{"c", "a", "b"}
	for i, v := range slices.All(xs) {
		fmt.Print(i, v, " ")
	}
	fmt.Println()
	fmt.Println(slices.Sorted(slices.Values(xs)))
	for c := range slices.Chunk([]int{1, 2, 3, 4, 5}, 2) {
		fmt.Println(c)
	}
	for i, v := range slices.Backward(xs) {
		fmt.Print(i, v, " ")
	}
	fmt.Println()
}
