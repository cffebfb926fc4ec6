package main

import "fmt"

func main() {
	i := 0
loop:
	if i < 3 {
		fmt.Println("i", i)
		i++
		goto loop
	}
outer:
	for a := 0; a < 3; a++ {
		for b := 0; b < 3; b++ {
			if b == 2 {
				continue outer
			}
			if a == 2 {
				break outer
			}
			fmt.Println(a, b)
		}
	}
}
