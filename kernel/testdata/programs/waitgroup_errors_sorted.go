package main

import (
	"errors"
	"fmt"
	"sort"
	"strings"
	"sync"
)

type result struct {
	url  string
	size int
	err  error
}

func fetch(url string) (int, error) {
	if strings.HasSuffix(url, ".bad") {
		return 0, fmt.Errorf("fetch %s: %w", url, errors.New("connection refused"))
	}
	return len(url) * 100, nil
}

func main() {
	urls := []string{"a.com", "bb.org", "c.bad", "dddd.net", "e.bad", "ff.io"}
	results := make(chan result, len(urls))
	var wg sync.WaitGroup
	for _, u := range urls {
		wg.Add(1)
		go func() {
			defer wg.Done()
			n, err := fetch(u)
			results <- result{u, n, err}
		}()
	}
	go func() {
		wg.Wait()
		close(results)
	}()

	var all []result
	var errs []error
	for r := range results {
		if r.err != nil {
			errs = append(errs, r.err)
			continue
		}
		all = append(all, r)
	}
	sort.Slice(all, func(i, j int) bool {
		return all[i].size > all[j].size || (all[i].size == all[j].size && all[i].url < all[j].url)
	})
	total := 0
	for _, r := range all {
		fmt.Printf("%-9s %5d\n", r.url, r.size)
		total += r.size
	}
	fmt.Println("total", total)
	sort.Slice(errs, func(i, j int) bool { return errs[i].Error() < errs[j].Error() })
	joined := errors.Join(errs...)
	fmt.Println(joined)

	jobs := make(chan int)
	squares := make([]int, 10)
	var wg2 sync.WaitGroup
	for w := 0; w < 3; w++ {
		wg2.Add(1)
		go func(id int) {
			defer wg2.Done()
			for j := range jobs {
				squares[j] = j * j
			}
		}(w)
	}
	for i := range 10 {
		jobs <- i
	}
	close(jobs)
	wg2.Wait()
	fmt.Println(squares)
}
