package main

import "fmt"

type Node struct {
	Val  int
	Next *Node
}

func push(head *Node, v int) *Node { return &Node{v, head} }

func reverse(h *Node) *Node {
	var prev *Node
	for h != nil {
		h.Next, prev, h = prev, h, h.Next
	}
	return prev
}

func main() {
	var h *Node
	for i := 1; i <= 4; i++ {
		h = push(h, i)
	}
	h = reverse(h)
	for n := h; n != nil; n = n.Next {
		fmt.Print(n.Val, " ")
	}
	fmt.Println()
}
