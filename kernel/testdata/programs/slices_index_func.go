package main

import (
	"fmt"
	"slices"
	"strings"
)

func main() {
	words := []string{"apple", "Banana", "cherry"}
	i := slices.IndexFunc(words, func(s string) bool { return strings.ToUpper(s[:1]) == s[:1] })
	fmt.Println(i, slices.ContainsFunc(words, func(s string) bool { return len(s) > 5 }))
	fmt.Println(slices.MaxFunc(words, func(a, b string) int { return len(a) - len(b) }))
	fmt.Println(slices.Repeat([]int{0, 1}, 3))
}
