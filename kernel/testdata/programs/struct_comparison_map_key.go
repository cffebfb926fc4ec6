package main

import "fmt"

type Key struct {
	X, Y int
}

func main() {
	visited := map[Key]bool{}
	visited[Key{1, 2}] = true
	fmt.Println(visited[Key{1, 2}], visited[Key{2, 1}])
	fmt.Println(Key{1, 2} == Key{1, 2})
	counts := map[[2]int]int{}
	counts[[2]int{0, 0}]++
	counts[[2]int{0, 0}]++
	fmt.Println(counts)
}
