// A worker goroutine panics on a bad record: the whole program ends there,
// with exit status 2, and main prints nothing more.
package main

import (
	"fmt"
	"strconv"
	"strings"
	"sync"
)

type record struct {
	name string
	qty  int
}

func parse(line string) record {
	name, qty, ok := strings.Cut(line, ",")
	if !ok {
		panic(fmt.Sprintf("bad record %q", line))
	}
	n, err := strconv.Atoi(qty)
	if err != nil {
		panic(err)
	}
	return record{name, n}
}

func main() {
	lines := []string{"apples,3", "pears,5", "plums", "figs,2"}
	var wg sync.WaitGroup
	total := 0
	wg.Add(1)
	go func() {
		for _, l := range lines {
			r := parse(l)
			total += r.qty
			fmt.Println(r.name, r.qty)
		}
		wg.Done()
	}()
	wg.Wait()
	fmt.Println("total", total)
}
