package main

import (
	"fmt"
	"maps"
	"slices"
)

func main() {
	ages := map[string]int{"ann": 31, "bob": 25, "cid": 40}
	fmt.Println(slices.Sorted(maps.Keys(ages)))
	fmt.Println(slices.Sorted(maps.Values(ages)))
	older := 0
	for name, age := range maps.All(ages) {
		if age > 30 {
			older++
			_ = name
		}
	}
	fmt.Println("older than 30:", older)
	names := 0
	for range maps.Keys(ages) {
		names++
	}
	fmt.Println("names:", names)
}
