package main

import (
	"fmt"
	"strconv"
)

type Number interface {
	~int | ~int64 | ~float64
}

type Meters int

func Double[T Number](x T) T { return x * 2 }

func Join[T fmt.Stringer](xs []T) string {
	s := ""
	for i, x := range xs {
		if i > 0 {
			s += ","
		}
		s += x.String()
	}
	return s
}

type N int

func (n N) String() string { return "n" + strconv.Itoa(int(n)) }

func main() {
	fmt.Println(Double(Meters(21)), Double(1.25))
	fmt.Println(Join([]N{1, 2, 3}))
}
