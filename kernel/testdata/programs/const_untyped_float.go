package main

import (
	"fmt"
	"math"
)

const twoPi = 2 * math.Pi
const third = 1.0 / 3

func main() {
	fmt.Printf("%.6f %.6f\n", twoPi, third)
	var r float32 = twoPi
	fmt.Println(r)
	fmt.Println(1 << 62 / (1 << 60))
}
