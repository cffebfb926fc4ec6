package main

import "fmt"

var origin = Point{0, 0}

func main() {
	p := Point{3, 4}
	fmt.Println(p.Dist2(origin))
}

func (p Point) Dist2(q Point) int { return (p.X-q.X)*(p.X-q.X) + (p.Y-q.Y)*(p.Y-q.Y) }

type Point struct{ X, Y int }
