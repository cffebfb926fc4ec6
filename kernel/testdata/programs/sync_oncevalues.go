package main

import (
	"fmt"
	"strconv"
	"sync"
)

func main() {
	calls := 0
	parse := sync.OnceValues(func() (int, error) {
		calls++
		return strconv.Atoi("12x")
	})
	for i := 0; i < 3; i++ {
		n, err := parse()
		fmt.Println(n, err)
	}
	fmt.Println("calls:", calls)
}
