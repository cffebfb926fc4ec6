package main

import "fmt"

func div(a, b int) int { return a / b }

func main() {
	defer func() {
		fmt.Println("recovered:", recover())
	}()
	fmt.Println(div(6, 3))
	fmt.Println(div(1, 0))
}
