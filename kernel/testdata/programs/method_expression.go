package main

import "fmt"

type P struct{ X, Y int }

func (p P) Sum() int { return p.X + p.Y }

func main() {
	f := P.Sum
	ps := []P{{1, 2}, {3, 4}}
	for _, p := range ps {
		fmt.Println(f(p))
	}
}
