package main

import (
	"fmt"
	"iter"
)

func Words(ws ...string) iter.Seq2[int, string] {
	return func(yield func(int, string) bool) {
		for i, w := range ws {
			if !yield(i, w) {
				fmt.Println("iterator stopped at", i)
				return
			}
		}
	}
}

func main() {
	for i, w := range Words("alpha", "beta", "stop", "omega") {
		if w == "stop" {
			goto found
		}
		fmt.Println(i, w)
	}
	fmt.Println("no stop word")
	return
found:
	fmt.Println("found the stop word")
}
