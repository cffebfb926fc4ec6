package main

import "fmt"

const c = min(1, 2.5)
const d = max(3, 7, 5)

func main() {
	fmt.Println(c, d)
	var x float64 = c
	fmt.Println(x * 2)
}
