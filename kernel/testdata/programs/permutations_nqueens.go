package main

import (
	"fmt"
	"strings"
)

func permutations(xs []int) [][]int {
	if len(xs) <= 1 {
		return [][]int{append([]int(nil), xs...)}
	}
	var out [][]int
	for i := range xs {
		rest := make([]int, 0, len(xs)-1)
		rest = append(rest, xs[:i]...)
		rest = append(rest, xs[i+1:]...)
		for _, p := range permutations(rest) {
			out = append(out, append([]int{xs[i]}, p...))
		}
	}
	return out
}

func solveQueens(n int) [][]int {
	var solutions [][]int
	cols := make([]int, 0, n)
	var place func(row int)
	place = func(row int) {
		if row == n {
			solutions = append(solutions, append([]int(nil), cols...))
			return
		}
	next:
		for c := 0; c < n; c++ {
			for r, pc := range cols {
				if pc == c || row-r == c-pc || row-r == pc-c {
					continue next
				}
			}
			cols = append(cols, c)
			place(row + 1)
			cols = cols[:len(cols)-1]
		}
	}
	place(0)
	return solutions
}

func subsets(s string) []string {
	if s == "" {
		return []string{""}
	}
	rest := subsets(s[1:])
	out := append([]string{}, rest...)
	for _, r := range rest {
		out = append(out, s[:1]+r)
	}
	return out
}

func main() {
	for _, p := range permutations([]int{1, 2, 3}) {
		fmt.Println(p)
	}
	for n := 4; n <= 8; n++ {
		fmt.Printf("%d queens: %d solutions\n", n, len(solveQueens(n)))
	}
	first := solveQueens(6)[0]
	for _, c := range first {
		fmt.Println(strings.Repeat(". ", c) + "Q " + strings.Repeat(". ", 5-c))
	}
	fmt.Printf("%q\n", subsets("abc"))
}
