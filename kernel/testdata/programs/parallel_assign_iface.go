package main

import (
	"errors"
	"fmt"
	"strconv"
)

type Shape interface{ Area() float64 }

type Square struct{ Side float64 }
type Circle struct{ R float64 }

func (s Square) Area() float64 { return s.Side * s.Side }
func (c Circle) Area() float64 { return 3 * c.R * c.R }

func largest(shapes []Shape) (best Shape, area float64) {
	for _, s := range shapes {
		if a := s.Area(); a > area {
			best, area = s, a
		}
	}
	return
}

func parse(items []string) (total int, err error) {
	for i, it := range items {
		n, perr := strconv.Atoi(it)
		if perr != nil {
			total, err = -1, fmt.Errorf("item %d: %w", i, perr)
			return
		}
		total += n
	}
	return
}

func main() {
	best, area := largest([]Shape{Square{2}, Circle{1}, Square{1}})
	fmt.Println(best, area)

	var s Shape
	ok := false
	s, ok = Circle{2}, true
	fmt.Println(s, ok)

	var first, second Shape = Square{1}, Circle{1}
	first, second = second, first
	fmt.Println(first, second)

	var err error
	count := 0
	err, count = errors.New("too many"), 3
	fmt.Println(err, count)

	fmt.Println(parse([]string{"1", "2", "3"}))
	fmt.Println(parse([]string{"1", "x"}))
}
