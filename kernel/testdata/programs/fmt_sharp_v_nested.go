package main

import "fmt"

type Point struct{ X, Y int }

type Shape struct {
	Name   string
	Corner *Point
	Points []Point
}

func main() {
	ps := []Point{{1, 2}, {3, 4}}
	fmt.Printf("%#v\n", ps)
	fmt.Printf("%#v\n", map[string]Point{"o": {}})
	fmt.Printf("%#v\n", &Point{5, 6})
	fmt.Printf("%#v\n", Shape{Name: "tri", Points: ps[:1]})
	fmt.Printf("%T %T\n", Shape{}.Corner, Shape{}.Points)
	var none []Point
	fmt.Printf("%#v %v\n", none, none)
}
