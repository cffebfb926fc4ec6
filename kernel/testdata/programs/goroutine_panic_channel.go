// A goroutine sending results on a channel divides by zero: the runtime
// error ends the program while main is still receiving.
package main

import "fmt"

func average(xs []int) int {
	sum := 0
	for _, x := range xs {
		sum += x
	}
	return sum / len(xs)
}

func main() {
	groups := [][]int{{1, 2, 3}, {10, 20}, {}, {7}}
	results := make(chan int)
	go func() {
		for _, g := range groups {
			results <- average(g)
		}
		close(results)
	}()
	for r := range results {
		fmt.Println("average", r)
	}
	fmt.Println("all done")
}
