package main

import "fmt"

type T struct{ v int }

func main() {
	defer func() {
		fmt.Println("recovered:", recover())
	}()
	var p *T
	fmt.Println(p.v)
}
