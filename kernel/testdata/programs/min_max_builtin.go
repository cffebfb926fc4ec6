package main

import "fmt"

func main() {
	a, b := 3, 7
	fmt.Println(min(a, b), max(a, b, 5))
	fmt.Println(min(2.5, 1), max("apple", "pear"))
	m := map[string]int{"a": 1}
	clear(m)
	fmt.Println(len(m))
}
