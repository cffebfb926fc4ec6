package main

import "fmt"

type Counter struct{ n int }

func (c Counter) Show() { fmt.Println("count", c.n) }

func main() {
	c := Counter{n: 1}
	defer c.Show()
	c.n = 99
	fmt.Println("set to", c.n)
}
