package main

import (
	"fmt"
	"math/rand/v2"
)

func main() {
	r := rand.New(rand.NewPCG(1, 2))
	fmt.Println(r.IntN(100), r.IntN(100), r.IntN(100))
	fmt.Printf("%.4f\n", r.Float64())
	x := rand.IntN(10)
	fmt.Println(x >= 0 && x < 10)
}
