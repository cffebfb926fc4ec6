package main

import "fmt"

type key struct {
	r, c int
}

var memo = map[key]int{}

func paths(r, c int) int {
	if r == 0 || c == 0 {
		return 1
	}
	k := key{r, c}
	if v, ok := memo[k]; ok {
		return v
	}
	v := paths(r-1, c) + paths(r, c-1)
	memo[k] = v
	return v
}

type pair [2]string

func editDistance(a, b string) int {
	cache := map[pair]int{}
	var d func(a, b string) int
	d = func(a, b string) int {
		if a == "" {
			return len(b)
		}
		if b == "" {
			return len(a)
		}
		if v, ok := cache[pair{a, b}]; ok {
			return v
		}
		cost := 1
		if a[0] == b[0] {
			cost = 0
		}
		v := min(d(a[1:], b)+1, d(a, b[1:])+1, d(a[1:], b[1:])+cost)
		cache[pair{a, b}] = v
		return v
	}
	return d(a, b)
}

func main() {
	fmt.Println(paths(2, 2), paths(5, 5), paths(10, 10), len(memo))
	for _, p := range [][2]string{{"kitten", "sitting"}, {"go", "golang"}, {"", "abc"}, {"same", "same"}} {
		fmt.Printf("%s -> %s: %d\n", p[0], p[1], editDistance(p[0], p[1]))
	}
	seen := map[key]bool{{1, 2}: true}
	fmt.Println(seen[key{1, 2}], seen[key{2, 1}])
}
