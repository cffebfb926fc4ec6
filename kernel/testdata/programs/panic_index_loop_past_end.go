package main

import "fmt"

func sum(xs []float64) (total float64) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Println("sum stopped:", r)
		}
	}()
	for i := 0; i <= len(xs); i++ {
		total += xs[i]
	}
	return total
}

func main() {
	fmt.Println(sum([]float64{1.5, 2.5}))
}
