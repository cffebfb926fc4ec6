package main

import "fmt"

func main() {
	defer func() {
		fmt.Println("recovered:", recover())
	}()
	var v any = "text"
	n := v.(int)
	fmt.Println(n)
}
