package main

import (
	"fmt"
	"sort"
)

type Person struct {
	Name string
	Age  int
}

type People []Person

func (p People) Len() int      { return len(p) }
func (p People) Swap(i, j int) { p[i], p[j] = p[j], p[i] }

type ByName struct{ People }

func (b ByName) Less(i, j int) bool { return b.People[i].Name < b.People[j].Name }

type ByAge struct{ People }

func (b ByAge) Less(i, j int) bool { return b.People[i].Age < b.People[j].Age }

func main() {
	ps := People{{"Cy", 30}, {"Al", 25}, {"Bo", 35}, {"Di", 25}}
	sort.Sort(ByName{ps})
	fmt.Println(ps)
	sort.Stable(ByAge{ps})
	fmt.Println(ps)
	sort.Sort(sort.Reverse(ByAge{ps}))
	fmt.Println(ps[0], ps[len(ps)-1])
	fmt.Println(sort.IsSorted(ByName{ps}), sort.IsSorted(sort.Reverse(ByAge{ps})))
	var s sort.Interface = ByName{ps}
	fmt.Println(s.Len(), s.Less(0, 1))
	i := sort.Search(len(ps), func(i int) bool { return ps[i].Age <= 25 })
	fmt.Println(i)
}
