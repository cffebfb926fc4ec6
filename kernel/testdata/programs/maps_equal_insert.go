package main

import (
	"fmt"
	"maps"
	"slices"
	"strings"
)

func main() {
	m := map[int]string{}
	maps.Insert(m, slices.All([]string{"zero", "one", "two"}))
	fmt.Println(m)
	upper := map[int]string{0: "ZERO", 1: "ONE", 2: "TWO"}
	fmt.Println(maps.EqualFunc(m, upper, strings.EqualFold))
	keys := slices.Sorted(maps.Keys(upper))
	fmt.Println(keys)
	fmt.Println(maps.Collect(slices.All([]bool{true, false})))
}
