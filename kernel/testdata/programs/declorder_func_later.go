package main

import "fmt"

func main() {
	for i := 0; i < 5; i++ {
		fmt.Println(i, isOdd(i))
	}
}

func isOdd(n int) bool { return n%2 == 1 }
