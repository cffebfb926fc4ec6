package main

import (
	"fmt"
	"time"
)

const timeout = 3 * time.Second
const ratio = 3 / 2
const fratio = 3 / 2.0

func main() {
	fmt.Println(timeout, ratio, fratio)
	fmt.Println(timeout / 2)
	const big = 1 << 100
	fmt.Println(big >> 98)
}
