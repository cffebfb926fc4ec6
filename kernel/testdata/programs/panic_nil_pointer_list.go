package main

import "fmt"

// Node is an element of a singly linked list.
type Node struct {
	Val  int
	Next *Node
}

// nth returns the value n steps after head, without checking for the end.
func nth(head *Node, n int) int {
	cur := head
	for i := 0; i < n; i++ {
		fmt.Println("step", i, "at", cur.Val)
		cur = cur.Next
	}
	return cur.Val
}

func main() {
	list := &Node{1, &Node{2, &Node{3, nil}}}
	fmt.Println(nth(list, 2))
	fmt.Println(nth(list, 3))
}
