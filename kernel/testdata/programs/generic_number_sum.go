package main

import "fmt"

type Integer interface {
	~int | ~int8 | ~int16 | ~int32 | ~int64
}

type Float interface{ ~float32 | ~float64 }

type Number interface{ Integer | Float }

func Sum[T Number](xs ...T) T {
	var s T
	for _, x := range xs {
		s += x
	}
	return s
}

func Average[T Number](xs []T) float64 {
	if len(xs) == 0 {
		return 0
	}
	return float64(Sum(xs...)) / float64(len(xs))
}

func Abs[T Integer | Float](x T) T {
	if x < 0 {
		return -x
	}
	return x
}

func Clamp[T Number](x, lo, hi T) T {
	return max(lo, min(x, hi))
}

type Meters float64
type Score int8

func main() {
	fmt.Println(Sum(1, 2, 3), Sum(1.5, 2.25), Sum[float32](0.1, 0.2))
	fmt.Println(Average([]int{1, 2, 4}), Average([]float64{}))
	d := []Meters{1.5, 2.5, 10}
	total := Sum(d...)
	fmt.Printf("%v %T\n", total, total)
	scores := []Score{100, 27}
	fmt.Println(Sum(scores...), Sum[int](100, 27))
	fmt.Println(Abs(-3), Abs(-2.5), Abs(Score(-8)), Abs(int8(-128)))
	fmt.Println(Clamp(15, 0, 10), Clamp(-1.5, 0, 1), Clamp(Meters(0.5), 1, 2))
}
