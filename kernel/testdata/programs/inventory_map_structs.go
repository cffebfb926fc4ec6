package main

import (
	"fmt"
	"sort"
)

type Item struct {
	Name  string
	Qty   int
	Price float64
}

type Inventory map[string]Item

func (inv Inventory) Add(name string, qty int, price float64) {
	it, ok := inv[name]
	if !ok {
		it = Item{Name: name, Price: price}
	}
	it.Qty += qty
	inv[name] = it
}

func (inv Inventory) Remove(name string, qty int) error {
	it, ok := inv[name]
	switch {
	case !ok:
		return fmt.Errorf("no %s", name)
	case it.Qty < qty:
		return fmt.Errorf("only %d %s left", it.Qty, name)
	}
	it.Qty -= qty
	if it.Qty == 0 {
		delete(inv, name)
		return nil
	}
	inv[name] = it
	return nil
}

func (inv Inventory) Value() (total float64) {
	for _, it := range inv {
		total += float64(it.Qty) * it.Price
	}
	return
}

func main() {
	inv := Inventory{}
	inv.Add("bolt", 100, 0.05)
	inv.Add("nut", 50, 0.03)
	inv.Add("bolt", 20, 0.07)
	fmt.Println(inv.Remove("nut", 60))
	fmt.Println(inv.Remove("gear", 1))
	fmt.Println(inv.Remove("nut", 50), len(inv))
	fmt.Printf("%.2f\n", inv.Value())
	ptrs := map[string]*Item{"x": {Name: "x", Qty: 1}}
	ptrs["x"].Qty += 5
	fmt.Println(*ptrs["x"])
	names := make([]string, 0, len(inv))
	for n := range inv {
		names = append(names, n)
	}
	sort.Strings(names)
	fmt.Println(names, inv["bolt"], inv["missing"])
}
