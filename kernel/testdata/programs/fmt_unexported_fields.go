package main

import "fmt"

type node struct {
	val  int
	next *node
}

type pair struct {
	key   string
	count int
}

func main() {
	n := node{val: 1}
	fmt.Printf("%v %+v\n", n, n)
	fmt.Printf("%+v\n", []pair{{"a", 1}, {"b", 2}})
	fmt.Printf("%#v\n", pair{"c", 3})
	fmt.Printf("%T %T\n", n, n.next)
}
