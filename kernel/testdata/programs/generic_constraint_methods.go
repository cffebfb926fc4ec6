package main

import (
	"fmt"
	"strings"
)

type Shape interface {
	Area() float64
	Name() string
}

type Rect struct{ W, H float64 }
type Circle struct{ R float64 }

func (r Rect) Area() float64   { return r.W * r.H }
func (r Rect) Name() string    { return "rect" }
func (c Circle) Area() float64 { return 3 * c.R * c.R }
func (c Circle) Name() string  { return "circle" }

func Largest[S Shape](shapes []S) S {
	best := shapes[0]
	for _, s := range shapes[1:] {
		if s.Area() > best.Area() {
			best = s
		}
	}
	return best
}

type Celsius float64

func (c Celsius) String() string { return fmt.Sprintf("%.1f°C", float64(c)) }

type StringNumber interface {
	~int | ~float64
	String() string
}

func Describe[T StringNumber](xs []T) string {
	var sum T
	parts := make([]string, len(xs))
	for i, x := range xs {
		sum += x
		parts[i] = x.String()
	}
	return strings.Join(parts, " + ") + " = " + sum.String()
}

type Stringish interface{ ~string }

func JoinAll[S Stringish](xs []S, sep string) string {
	var b strings.Builder
	for i, x := range xs {
		if i > 0 {
			b.WriteString(sep)
		}
		b.WriteString(string(x))
	}
	return b.String()
}

type Color string

func main() {
	rects := []Rect{{2, 3}, {4, 1}, {3, 3}}
	fmt.Println(Largest(rects))
	fmt.Println(Largest([]Circle{{1}, {0.5}}).Area())
	mixed := []Shape{Rect{1, 1}, Circle{2}, Rect{5, 2}}
	l := Largest(mixed)
	fmt.Println(l.Name(), l.Area())
	fmt.Println(Describe([]Celsius{20.5, 1.25, -3}))
	fmt.Println(JoinAll([]Color{"red", "green"}, ", "), JoinAll([]string{"a", "b"}, "-"))
}
