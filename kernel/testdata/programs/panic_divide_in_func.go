package main

import "fmt"

// average returns the mean of scores, rounded down.
func average(scores []int) int {
	total := 0
	for _, s := range scores {
		total += s
	}
	count := len(scores)
	fmt.Println("scores:", count)
	return total / count
}

func main() {
	fmt.Println("average:", average([]int{90, 72, 85}))
	fmt.Println("average:", average(nil))
	fmt.Println("not reached")
}
