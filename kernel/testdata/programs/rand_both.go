package main

import (
	"fmt"
	oldrand "math/rand"
	"math/rand/v2"
)

func main() {
	a := oldrand.New(oldrand.NewSource(7))
	b := rand.New(rand.NewPCG(7, 7))
	fmt.Println(a.Intn(1000), b.IntN(1000))
	perm := a.Perm(5)
	fmt.Println(len(perm))
}
