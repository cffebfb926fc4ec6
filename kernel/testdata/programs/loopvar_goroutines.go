package main

import (
	"fmt"
	"sync"
)

func main() {
	xs := []int{1, 2, 3, 4, 5}
	out := make([]int, len(xs))
	var wg sync.WaitGroup
	for i := 0; i < len(xs); i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			out[i] = xs[i] * xs[i]
		}()
	}
	wg.Wait()
	fmt.Println(out)
}
