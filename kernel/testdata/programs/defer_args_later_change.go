package main

import "fmt"

func trace(msg string, n int) { fmt.Println(msg, n) }

func main() {
	x := 1
	defer trace("x was", x)
	x = 42
	fmt.Println("x is", x)
}
