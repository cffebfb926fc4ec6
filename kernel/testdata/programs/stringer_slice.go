package main

import "fmt"

type Pair struct {
	K string
	V int
}

func (p Pair) String() string { return p.K + "=" + fmt.Sprint(p.V) }

func main() {
	ps := []Pair{{"a", 1}, {"b", 2}}
	fmt.Println(ps)
	fmt.Printf("%v\n", ps)
}
