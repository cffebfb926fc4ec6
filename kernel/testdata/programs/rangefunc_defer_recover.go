package main

import (
	"fmt"
	"iter"
)

func Jobs(names ...string) iter.Seq2[int, string] {
	return func(yield func(int, string) bool) {
		for i, n := range names {
			if !yield(i, n) {
				return
			}
		}
	}
}

// runAll sets up its recovery inside the loop, on the first job; the
// deferred function belongs to runAll, so it catches a panic that happens
// after the loop.
func runAll(names ...string) (report string) {
	for i, n := range Jobs(names...) {
		if i == 0 {
			defer func() {
				if r := recover(); r != nil {
					report = fmt.Sprintf("failed after %s: %v", n, r)
				}
			}()
		}
		report += n + " "
	}
	if len(names) > 2 {
		panic("too many jobs")
	}
	return report
}

func main() {
	fmt.Println(runAll("a", "b"))
	fmt.Println(runAll("x", "y", "z"))
}
