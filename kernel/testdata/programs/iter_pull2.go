package main

import (
	"fmt"
	"iter"
	"slices"
)

func main() {
	next, stop := iter.Pull2(slices.All([]string{"a", "b", "c"}))
	i, v, ok := next()
	fmt.Println(i, v, ok)
	i, v, ok = next()
	fmt.Println(i, v, ok)
	stop()
	i, v, ok = next()
	fmt.Printf("%d %q %v\n", i, v, ok)
}
