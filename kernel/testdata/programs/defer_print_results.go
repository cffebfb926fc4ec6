package main

import (
	"fmt"
	"strings"
)

func divmod(a, b int) (int, int) { return a / b, a % b }

func main() {
	for i := 5; i < 8; i++ {
		defer fmt.Println(divmod(i, 2))
	}
	defer fmt.Println(strings.Cut("key=value", "="))
	fmt.Println(divmod(9, 4))
}
