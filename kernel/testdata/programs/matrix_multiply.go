package main

import "fmt"

type Matrix [][]float64

func Mul(a, b Matrix) Matrix {
	out := make(Matrix, len(a))
	for i := range a {
		out[i] = make([]float64, len(b[0]))
		for j := range b[0] {
			for k := range b {
				out[i][j] += a[i][k] * b[k][j]
			}
		}
	}
	return out
}

func main() {
	a := Matrix{{1, 2}, {3, 4}}
	b := Matrix{{5, 6}, {7, 8}}
	fmt.Println(Mul(a, b))
}
