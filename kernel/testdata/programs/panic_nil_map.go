package main

import "fmt"

func main() {
	defer func() {
		r := recover()
		fmt.Println("recovered:", r)
	}()
	var m map[string]int
	m["a"] = 1
}
