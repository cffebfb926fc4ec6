package main

import "fmt"

type Money int

func (m Money) String() string { return fmt.Sprintf("$%d.%02d", m/100, m%100) }

type Item struct {
	Name  string
	Price Money
}

func main() {
	fmt.Println(Item{"tea", 350})
	fmt.Printf("%+v\n", Item{"cake", 1205})
}
