package main

import (
	"errors"
	"fmt"
	"strings"
)

func validate(name string) (err error) {
	if strings.TrimSpace(name) == "" {
		err = errors.New("empty name")
	}
	return
}

func split(words []string) (short, long []string) {
	for _, w := range words {
		if len(w) <= 3 {
			short = append(short, w)
		} else {
			long = append(long, w)
		}
	}
	return
}

func stats(xs []int) (count, sum int, avg float64) {
	for _, x := range xs {
		count++
		sum += x
	}
	if count > 0 {
		avg = float64(sum) / float64(count)
	}
	return
}

type Shape interface{ Area() float64 }

type Square struct{ Side float64 }

func (s Square) Area() float64 { return s.Side * s.Side }

func find(sides []float64, min float64) (s Shape, ok bool) {
	for _, side := range sides {
		if side*side >= min {
			s = Square{side}
			ok = true
			break
		}
	}
	return
}

func main() {
	for _, n := range []string{"", "ann", "  ", "bob"} {
		fmt.Printf("%q: %v\n", n, validate(n))
	}
	for _, ws := range [][]string{{"go", "rust", "c"}, {"zig"}, nil} {
		s, l := split(ws)
		fmt.Println(s, l, len(s), len(l))
	}
	for _, xs := range [][]int{{1, 2, 3}, {10}, {}} {
		fmt.Println(stats(xs))
	}
	for _, min := range []float64{4, 100, 1} {
		s, ok := find([]float64{1, 2, 3}, min)
		fmt.Println(s, ok)
	}
}
