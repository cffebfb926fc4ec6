package main

import "fmt"

// Weekday is a named integer type with a method; a range over a value of
// it gives loop variables of that type.
type Weekday int

func (d Weekday) Weekend() bool { return d == 0 || d == 6 }

func main() {
	var days Weekday = 7
	for d := range days {
		fmt.Print(d, d.Weekend(), " ")
	}
	fmt.Println()
	n := 0
	for range Weekday(3) {
		n++
	}
	fmt.Println(n)
}
