package main

import (
	"fmt"
	"slices"
)

func main() {
	defer fmt.Println("main's defer runs")
	for i, v := range slices.All([]int{3, 2, 1, 0}) {
		fmt.Println(i, 6/v)
	}
}
