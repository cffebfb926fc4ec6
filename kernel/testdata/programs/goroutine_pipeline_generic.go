package main

import (
	"fmt"
	"sync"
)

func generate[T any](items ...T) <-chan T {
	out := make(chan T)
	go func() {
		defer close(out)
		for _, it := range items {
			out <- it
		}
	}()
	return out
}

func mapChan[T, U any](in <-chan T, f func(T) U) <-chan U {
	out := make(chan U)
	go func() {
		defer close(out)
		for v := range in {
			out <- f(v)
		}
	}()
	return out
}

func merge[T any](chans ...<-chan T) <-chan T {
	out := make(chan T)
	var wg sync.WaitGroup
	for _, c := range chans {
		wg.Add(1)
		go func(c <-chan T) {
			defer wg.Done()
			for v := range c {
				out <- v
			}
		}(c)
	}
	go func() {
		wg.Wait()
		close(out)
	}()
	return out
}

func main() {
	squares := mapChan(generate(1, 2, 3, 4), func(n int) int { return n * n })
	sum := 0
	for s := range squares {
		sum += s
	}
	fmt.Println("sum of squares:", sum)

	words := mapChan(generate("go", "is", "fun"), func(s string) int { return len(s) })
	var lens []int
	for n := range words {
		lens = append(lens, n)
	}
	fmt.Println(lens)

	total := 0
	count := 0
	for v := range merge(generate(1, 2, 3), generate(10, 20), generate(100)) {
		total += v
		count++
	}
	fmt.Println(total, count)
}
