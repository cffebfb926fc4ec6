package main

import "fmt"

type Shape interface{ Area() float64 }
type Sq struct{ S float64 }
type Circle struct{ R float64 }

func (s Sq) Area() float64     { return s.S * s.S }
func (c Circle) Area() float64 { return 3 * c.R * c.R }

func main() {
	shapes := []Shape{Sq{2}, Circle{1}, Sq{3}}
	total := 0.0
	for _, s := range shapes {
		switch v := s.(type) {
		case Sq:
			fmt.Println("square", v.S)
		case Circle:
			fmt.Println("circle", v.R)
		}
		total += s.Area()
	}
	fmt.Println(total)
}
