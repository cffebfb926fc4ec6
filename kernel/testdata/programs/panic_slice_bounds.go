package main

import "fmt"

func main() {
	defer func() {
		fmt.Println("recovered:", recover())
	}()
	s := []int{1, 2, 3}
	lo, hi := 2, 5
	fmt.Println(s[lo:hi])
}
