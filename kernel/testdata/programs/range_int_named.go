package main

import "fmt"

type Count int

func main() {
	var n Count = 3
	for i := range n {
		fmt.Printf("%d:%T ", i, i)
	}
	fmt.Println()
	for i := range 2 {
		fmt.Print(i)
	}
	fmt.Println()
}
