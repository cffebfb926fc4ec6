// A goroutine sending results on a channel divides by zero: the runtime
// error ends the program while main is still receiving. (main acknowledges
// each result after printing it, so the output does not depend on which
// goroutine runs first.)
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
	printed := make(chan bool)
	go func() {
		for _, g := range groups {
			results <- average(g)
			<-printed
		}
		close(results)
	}()
	for r := range results {
		fmt.Println("average", r)
		printed <- true
	}
	fmt.Println("all done")
}
