package main

import (
	"fmt"
	"iter"
)

func Words() iter.Seq[string] {
	return func(yield func(string) bool) {
		for _, w := range []string{"go", "is", "fun", "yes"} {
			if !yield(w) {
				return
			}
		}
	}
}

func find(prefix string) (string, int) {
	n := 0
	for w := range Words() {
		n++
		if len(w) >= len(prefix) && w[:len(prefix)] == prefix {
			return w, n
		}
	}
	return "", n
}

func main() {
	fmt.Println(find("fu"))
	fmt.Println(find("zz"))
}
