package main

import "fmt"

var grid [3][3]int

func set(r, c, v int) {
	defer func() {
		if e := recover(); e != nil {
			fmt.Printf("set(%d, %d): %v\n", r, c, e)
		}
	}()
	grid[r][c] = v
}

func main() {
	set(1, 1, 5)
	set(3, 0, 1)
	set(0, 4, 1)
	fmt.Println(grid)
}
