package main

import "fmt"

var total = compute()

var base = 10

func compute() int { return base * 3 }

func main() {
	fmt.Println(total, base)
}
