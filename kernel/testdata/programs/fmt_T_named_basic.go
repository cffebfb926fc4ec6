package main

import "fmt"

type Celsius float64
type Names []string

func main() {
	var t Celsius = 21.5
	n := Names{"a", "b"}
	fmt.Printf("%T %T %v %v\n", t, n, t, n)
}
