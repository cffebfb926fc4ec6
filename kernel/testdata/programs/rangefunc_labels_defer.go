package main

import "fmt"

func Pairs(yield func(int, int) bool) {
	for i := 0; i < 3; i++ {
		for j := 0; j < 3; j++ {
			if !yield(i, j) {
				return
			}
		}
	}
}

func run() {
	defer fmt.Println("run done")
outer:
	for i := range 3 {
		for a, b := range Pairs {
			if b == 2 {
				continue outer
			}
			if a == 2 {
				break outer
			}
			defer fmt.Println("deferred", i, a, b)
		}
	}
}

func main() {
	run()
}
