package main

import "fmt"

type Point struct {
	X, Y int
	Tag  string
}

func main() {
	p := Point{1, 2, "a"}
	fmt.Printf("%v\n%+v\n", p, p)
	fmt.Println([]Point{p, {3, 4, "b"}})
}
