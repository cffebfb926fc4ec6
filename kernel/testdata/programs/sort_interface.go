package main

import (
	"fmt"
	"sort"
)

type byLen []string

func (s byLen) Len() int           { return len(s) }
func (s byLen) Less(i, j int) bool { return len(s[i]) < len(s[j]) }
func (s byLen) Swap(i, j int)      { s[i], s[j] = s[j], s[i] }

func main() {
	words := []string{"banana", "kiwi", "apple", "fig"}
	sort.Sort(byLen(words))
	fmt.Println(words)
	sort.Sort(sort.Reverse(sort.IntSlice([]int{1, 2})))
	fmt.Println(sort.SearchInts([]int{1, 3, 5, 7}, 5))
}
