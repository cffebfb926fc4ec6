package main

import "fmt"

type Shape struct {
	Name string
	W, H float64
}

func (s Shape) Area() float64 { return s.W * s.H }

func (s Shape) Describe() { fmt.Printf("%s: %.1f\n", s.Name, s.Area()) }

// Method values taken from range variables, kept and deferred, each with
// its own copy of the shape.
func main() {
	shapes := []Shape{{"square", 2, 2}, {"wide", 4, 1}, {"tall", 1, 3}}
	var areas []func() float64
	for _, s := range shapes {
		areas = append(areas, s.Area)
		defer s.Describe()
	}
	shapes[0].W = 100
	for i, area := range areas {
		fmt.Println(i, area())
	}
}
