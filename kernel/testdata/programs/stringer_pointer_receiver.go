package main

import "fmt"

type Node struct{ v int }

func (n *Node) String() string { return fmt.Sprintf("<%d>", n.v) }

func main() {
	n := &Node{3}
	fmt.Println(n)
	fmt.Println([]*Node{n, {4}})
}
