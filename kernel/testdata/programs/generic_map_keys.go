package main

import (
	"fmt"
	"sort"
)

func Keys[M ~map[K]V, K comparable, V any](m M) []K {
	ks := make([]K, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	return ks
}

func main() {
	ks := Keys(map[string]int{"b": 2, "a": 1, "c": 3})
	sort.Strings(ks)
	fmt.Println(ks)
}
