package main

import (
	"fmt"
	"slices"
)

func main() {
	var printers []func()
	var ptrs []*string
	for i, s := range slices.All([]string{"x", "y", "z"}) {
		printers = append(printers, func() { fmt.Print(i, s, " ") })
		ptrs = append(ptrs, &s)
	}
	for _, p := range printers {
		p()
	}
	fmt.Println()
	for _, p := range ptrs {
		fmt.Print(*p)
	}
	fmt.Println()
}
