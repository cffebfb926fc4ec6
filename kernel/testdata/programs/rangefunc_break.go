package main

import "fmt"

func Evens(yield func(int) bool) {
	for i := 0; ; i += 2 {
		if !yield(i) {
			fmt.Println("stopped at", i)
			return
		}
	}
}

func main() {
	for x := range Evens {
		if x > 6 {
			break
		}
		fmt.Println(x)
	}
}
