package main

import "fmt"

type Rect struct{ W, H float64 }
type Score int

func main() {
	fmt.Printf("%#v\n", Rect{1, 2})
	fmt.Printf("%#v\n", Score(7))
	fmt.Printf("%T %v\n", Score(7), Score(7))
}
