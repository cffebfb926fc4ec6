package main

import (
	"fmt"
	"math/rand/v2"
	"sort"
	"strings"
)

func main() {
	r := rand.New(rand.NewPCG(42, 7))
	counts := make(map[int]int)
	const rolls = 600
	for i := 0; i < rolls; i++ {
		sum := r.IntN(6) + 1 + r.IntN(6) + 1
		counts[sum]++
	}
	keys := make([]int, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	sort.Ints(keys)
	for _, k := range keys {
		fmt.Printf("%2d %3d %s\n", k, counts[k], strings.Repeat("#", counts[k]/5))
	}
	deck := make([]string, 0, 8)
	for _, s := range []string{"H", "S"} {
		for _, v := range []string{"A", "K", "Q", "J"} {
			deck = append(deck, v+s)
		}
	}
	r.Shuffle(len(deck), func(i, j int) { deck[i], deck[j] = deck[j], deck[i] })
	fmt.Println(deck)
	fmt.Println(r.Perm(5), r.Float64() < 1, r.IntN(100))
}
