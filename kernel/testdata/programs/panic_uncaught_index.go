package main

import "fmt"

func last(xs []string) string {
	return xs[len(xs)]
}

func main() {
	words := []string{"a", "b"}
	fmt.Println("first:", words[0])
	fmt.Println("last:", last(words))
	fmt.Println("not reached")
}
