package main

import (
	"fmt"
	"iter"
)

// Grid yields the rows of a small matrix, each row an iterator of its cells.
func Grid(rows, cols int) iter.Seq[iter.Seq2[int, int]] {
	return func(yield func(iter.Seq2[int, int]) bool) {
		for r := 0; r < rows; r++ {
			row := func(yield func(int, int) bool) {
				for c := 0; c < cols; c++ {
					if !yield(c, r*cols+c) {
						return
					}
				}
			}
			if !yield(row) {
				fmt.Println("grid stopped after row", r)
				return
			}
		}
	}
}

// find returns the row and column of the first cell holding v.
func find(v int) (row, col int, ok bool) {
	r := 0
	for cells := range Grid(3, 4) {
		for c, x := range cells {
			if x == v {
				return r, c, true
			}
		}
		r++
	}
	return -1, -1, false
}

func main() {
	fmt.Println(find(6))
	fmt.Println(find(11))
	fmt.Println(find(42))
}
