package main

import "fmt"

type Point struct{ X, Y int }

func (p Point) Moved(dx, dy int) Point {
	p.X += dx
	p.Y += dy
	return p
}

func (p *Point) Move(dx, dy int) {
	p.X += dx
	p.Y += dy
}

func (p Point) TryMove(dx int) {
	p.X += dx
}

type Path struct {
	Name   string
	Points []Point
}

func (pa Path) Rename(n string) { pa.Name = n }
func (pa Path) Shift(dx int) {
	for i := range pa.Points {
		pa.Points[i].X += dx
	}
}

func main() {
	p := Point{1, 2}
	q := p.Moved(10, 10)
	p.TryMove(100)
	fmt.Println(p, q)
	p.Move(1, 1)
	fmt.Println(p)
	pts := []Point{{0, 0}, {1, 1}}
	for _, pt := range pts {
		pt.Move(5, 5)
	}
	fmt.Println(pts)
	for i := range pts {
		pts[i].Move(5, 5)
	}
	fmt.Println(pts)
	path := Path{"a", []Point{{1, 1}}}
	path.Rename("b")
	path.Shift(3)
	fmt.Println(path.Name, path.Points)
	m := map[string]Point{"o": {0, 0}}
	o := m["o"]
	o.Move(2, 2)
	fmt.Println(m["o"], o)
	arr := [2]Point{{1, 1}, {2, 2}}
	brr := arr
	brr[0].Move(9, 9)
	fmt.Println(arr, brr)
	pp := &pts[0]
	pp.Move(-10, -10)
	fmt.Println(pts[0], *pp == pts[0])
}
