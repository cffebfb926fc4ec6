package main

import (
	"fmt"
	"os"
)

func check(n int) {
	if n > 2 {
		fmt.Println("enough")
		os.Exit(0)
	}
}

func main() {
	for i := 0; ; i++ {
		fmt.Println("i =", i)
		check(i)
	}
}
