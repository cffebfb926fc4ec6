package main

import "fmt"

func main() {
	a := [3]int{1, 2, 3}
	b := a
	b[0] = 100
	fmt.Println(a, b, a == [3]int{1, 2, 3})
	grid := [2][2]string{{"a", "b"}, {"c", "d"}}
	fmt.Println(grid, len(grid))
	arr := [...]string{2: "c", 0: "a"}
	fmt.Printf("%q %d\n", arr, len(arr))
}
