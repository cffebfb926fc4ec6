package main

import "fmt"

// Inventory counts items by name.
type Inventory struct {
	name   string
	counts map[string]int
}

// Add records n more of item.
func (inv *Inventory) Add(item string, n int) {
	if n <= 0 {
		return
	}
	fmt.Println("adding", n, item)
	inv.counts[item] += n
}

func main() {
	good := &Inventory{name: "shop", counts: map[string]int{}}
	good.Add("apple", 3)
	fmt.Println(good.counts)
	var bad Inventory // counts is a nil map
	bad.Add("pear", 2)
	fmt.Println("not reached")
}
