package main

import (
	"fmt"
	"slices"
)

// safeSum recovers, from a function deferred inside a range over a
// function, the error a later division panicked with, and checks its type.
func safeSum(xs []int, d int) (sum int, err error) {
	for i, x := range slices.All(xs) {
		if i == 0 {
			defer func() {
				if r := recover(); r != nil {
					if re, ok := r.(error); ok {
						err = fmt.Errorf("recovered: %w", re)
						return
					}
					err = fmt.Errorf("recovered a %T", r)
				}
			}()
		}
		sum += x
	}
	return sum / d, nil
}

func main() {
	fmt.Println(safeSum([]int{1, 2, 3}, 2))
	fmt.Println(safeSum([]int{4, 5}, 0))
}
