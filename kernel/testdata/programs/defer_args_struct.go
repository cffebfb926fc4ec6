package main

import "fmt"

type Point struct{ X, Y int }

func main() {
	p := Point{1, 2}
	defer fmt.Println("deferred", p, p.X*10)
	p.X = 7
	p = Point{8, 9}
	fmt.Println("now", p)
}
