package main

import (
	"encoding/json"
	"fmt"
)

// Embedded types are reached by their type's name: keyed literals,
// selectors, %+v and JSON keys all use it.

type Label string

type Base struct{ ID int }

func (b Base) Describe() string { return fmt.Sprint("item #", b.ID) }

type Audit struct{ By string }

type Item struct {
	Base
	*Audit
	Label
	Price float64
}

type Tagged struct {
	Label
	Count int
}

func main() {
	it := Item{Base: Base{ID: 1}, Audit: &Audit{By: "ann"}, Label: "pen", Price: 2.5}
	it.Base.ID = 2
	it.Audit.By = "bob"
	fmt.Println(it.Describe(), it.ID, it.By, it.Label, it.Base)
	fmt.Printf("%+v %+v\n", it.Base, *it.Audit)

	t := Tagged{Label: "x", Count: 3}
	t.Label += "y"
	fmt.Printf("%v %+v\n", t, t)
	b, err := json.Marshal(t)
	fmt.Println(string(b), err)

	items := []Item{{Base: Base{ID: 7}, Price: 1}}
	for _, x := range items {
		fmt.Println(x.Base.Describe(), x.Audit == nil)
	}
}
