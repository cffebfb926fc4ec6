package main

import "fmt"

func main() {
	var ps []*int
	for i := range 3 {
		ps = append(ps, &i)
	}
	for _, p := range ps {
		fmt.Print(*p, " ")
	}
	fmt.Println()
}
