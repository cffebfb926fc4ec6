package main

import (
	"fmt"
	"slices"
	"sort"
)

func lowerBound(xs []int, target int) int {
	lo, hi := 0, len(xs)
	for lo < hi {
		mid := lo + (hi-lo)/2
		if xs[mid] < target {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	return lo
}

func isqrt(n int) int {
	return sort.Search(n+1, func(x int) bool { return x*x > n }) - 1
}

func main() {
	xs := []int{1, 3, 3, 3, 7, 9, 12}
	for _, t := range []int{0, 3, 4, 12, 13} {
		i := lowerBound(xs, t)
		j := sort.SearchInts(xs, t)
		k, found := slices.BinarySearch(xs, t)
		fmt.Println(t, i, j, k, found)
	}
	for _, n := range []int{0, 1, 15, 16, 17, 1000000} {
		fmt.Print(isqrt(n), " ")
	}
	fmt.Println()

	words := []string{"apple", "fig", "kiwi", "mango", "pear"}
	i := sort.SearchStrings(words, "lemon")
	words = slices.Insert(words, i, "lemon")
	fmt.Println(words)

	i, ok := sort.Find(len(words), func(i int) int {
		switch {
		case "kiwi" < words[i]:
			return -1
		case "kiwi" > words[i]:
			return 1
		}
		return 0
	})
	fmt.Println(i, ok)

	guesses := 0
	secret := 73
	lo, hi := 1, 100
	for lo <= hi {
		guesses++
		mid := (lo + hi) / 2
		if mid == secret {
			fmt.Printf("found %d in %d guesses\n", mid, guesses)
			break
		} else if mid < secret {
			lo = mid + 1
		} else {
			hi = mid - 1
		}
	}
}
