package main

import (
	"fmt"
	"strings"
)

type Matrix [][]float64

func NewMatrix(r, c int) Matrix {
	m := make(Matrix, r)
	for i := range m {
		m[i] = make([]float64, c)
	}
	return m
}

func Identity(n int) Matrix {
	m := NewMatrix(n, n)
	for i := 0; i < n; i++ {
		m[i][i] = 1
	}
	return m
}

func (m Matrix) Mul(o Matrix) (Matrix, error) {
	if len(m[0]) != len(o) {
		return nil, fmt.Errorf("cannot multiply %dx%d by %dx%d", len(m), len(m[0]), len(o), len(o[0]))
	}
	out := NewMatrix(len(m), len(o[0]))
	for i := range m {
		for j := range o[0] {
			for k := range o {
				out[i][j] += m[i][k] * o[k][j]
			}
		}
	}
	return out, nil
}

func (m Matrix) Transpose() Matrix {
	t := NewMatrix(len(m[0]), len(m))
	for i, row := range m {
		for j, v := range row {
			t[j][i] = v
		}
	}
	return t
}

func (m Matrix) String() string {
	var b strings.Builder
	for _, row := range m {
		for j, v := range row {
			if j > 0 {
				b.WriteByte(' ')
			}
			fmt.Fprintf(&b, "%5.1f", v)
		}
		b.WriteByte('\n')
	}
	return b.String()
}

func main() {
	a := Matrix{{1, 2, 3}, {4, 5, 6}}
	fmt.Print(a.Transpose())
	p, err := a.Mul(a.Transpose())
	fmt.Print(p, err, "\n")
	_, err = a.Mul(a)
	fmt.Println(err)
	i3, _ := a.Mul(Identity(3))
	fmt.Print(i3)
	grid := [3][3]rune{}
	for r := range grid {
		for c := range grid[r] {
			grid[r][c] = '.'
		}
	}
	grid[1][1] = 'X'
	for _, row := range grid {
		fmt.Println(string(row[:]))
	}
	jag := [][]int{{1}, {2, 3}, {}}
	fmt.Println(len(jag), len(jag[2]), jag)
}
