package main

import "fmt"

type Rect struct{ W, H float64 }

func main() {
	r := Rect{2, 3}
	fmt.Printf("%T\n", r)
	fmt.Printf("%T\n", &r)
	fmt.Printf("%T\n", []Rect{r})
}
