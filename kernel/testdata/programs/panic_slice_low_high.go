package main

import "fmt"

func window(xs []int, from, to int) (w []int) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Println("window:", r)
		}
	}()
	return xs[from:to]
}

func main() {
	xs := make([]int, 3, 8)
	fmt.Println(window(xs, 1, 3))
	fmt.Println(window(xs, 2, 1))
	fmt.Println(len(window(xs, 0, 6)))
	fmt.Println(window(xs, 0, 9))
	fmt.Println(window(xs, 4, 3))
}
