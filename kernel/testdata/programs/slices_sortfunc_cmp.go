package main

import (
	"cmp"
	"fmt"
	"slices"
)

type Person struct {
	Name string
	Age  int
}

func main() {
	ps := []Person{{"Al", 30}, {"Bo", 25}, {"Cy", 30}}
	slices.SortStableFunc(ps, func(a, b Person) int {
		return cmp.Or(cmp.Compare(b.Age, a.Age), cmp.Compare(a.Name, b.Name))
	})
	fmt.Println(ps)
	fmt.Println(cmp.Compare(1, 2), cmp.Less("b", "a"))
}
