package main

import (
	"fmt"
	"sync"
)

func square(n int) int { return n * n }

func main() {
	nums := []int{3, 1, 4, 1, 5, 9, 2, 6}
	results := make([]int, len(nums))
	var wg sync.WaitGroup
	for i, n := range nums {
		wg.Add(1)
		go func() {
			defer wg.Done()
			results[i] = square(n)
		}()
	}
	wg.Wait()
	fmt.Println(results)

	type pair struct{ idx, val int }
	ch := make(chan pair, len(nums))
	for i, n := range nums {
		go func(i, n int) { ch <- pair{i, n * 2} }(i, n)
	}
	doubled := make([]int, len(nums))
	for range nums {
		p := <-ch
		doubled[p.idx] = p.val
	}
	fmt.Println(doubled)

	var mu sync.Mutex
	total := 0
	var wg2 sync.WaitGroup
	for _, n := range nums {
		wg2.Add(1)
		go func() {
			defer wg2.Done()
			mu.Lock()
			defer mu.Unlock()
			total += n
		}()
	}
	wg2.Wait()
	fmt.Println(total)
}
