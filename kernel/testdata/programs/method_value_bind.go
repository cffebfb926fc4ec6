package main

import "fmt"

type Box struct{ v int }

func (b Box) Get() int { return b.v }

func main() {
	b := Box{5}
	get := b.Get
	b.v = 100
	fmt.Println(get(), b.Get())
}
