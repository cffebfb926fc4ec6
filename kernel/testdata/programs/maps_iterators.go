package main

import (
	"fmt"
	"maps"
	"slices"
)

func main() {
	m := map[string]int{"x": 1, "y": 2, "z": 3}
	keys := slices.Sorted(maps.Keys(m))
	fmt.Println(keys)
	vals := slices.Collect(maps.Values(m))
	slices.Sort(vals)
	fmt.Println(vals)
	m2 := maps.Clone(m)
	m2["w"] = 0
	fmt.Println(len(m), len(m2), maps.Equal(m, m2))
	fmt.Println(maps.Collect(maps.All(map[int]bool{1: true})))
}
