package main

import (
	"fmt"
	"iter"
)

func Letters(s string) iter.Seq2[int, string] {
	return func(yield func(int, string) bool) {
		defer fmt.Println("iterator done")
		for i, r := range s {
			if !yield(i, string(r)) {
				return
			}
		}
	}
}

// spell defers one call per letter; they run when spell returns, last
// first, after the iterator has finished and before the defers made
// earlier.
func spell(word string) {
	defer fmt.Println("spell returns")
	for i, l := range Letters(word) {
		defer fmt.Println("deferred", i, l)
	}
	defer fmt.Println("after the loop")
	fmt.Println("loop over")
}

func main() {
	spell("go!")
}
