package main

import "fmt"

type Acc struct{ total int }

func (a *Acc) Add(n int) { a.total += n }

func main() {
	a := &Acc{}
	add := a.Add
	for i := 1; i <= 4; i++ {
		add(i)
	}
	fmt.Println(a.total)
}
