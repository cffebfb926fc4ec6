package main

import (
	"fmt"
	"sort"
)

func main() {
	graph := map[string][]string{
		"a": {"b", "c"},
		"b": {"c"},
		"c": {},
	}
	seen := map[string]bool{}
	var order []string
	var visit func(string)
	visit = func(n string) {
		if seen[n] {
			return
		}
		seen[n] = true
		for _, m := range graph[n] {
			visit(m)
		}
		order = append(order, n)
	}
	keys := []string{}
	for k := range graph {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		visit(k)
	}
	fmt.Println(order)
}
