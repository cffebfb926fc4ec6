package main

import "fmt"

type Celsius float64

type Rect struct{ W, H float64 }

func main() {
	var x interface{} = Celsius(21.5)
	fmt.Printf("%T %v\n", x, x)
	vals := []any{Celsius(1), Rect{1, 2}, 2}
	fmt.Printf("%T %T %T\n", vals[0], vals[1], vals[2])
	switch x.(type) {
	case Celsius:
		fmt.Println("celsius")
	default:
		fmt.Println("other")
	}
}
