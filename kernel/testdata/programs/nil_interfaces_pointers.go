package main

import (
	"fmt"
	"strings"
)

type Node struct {
	Val         int
	Left, Right *Node
}

func (n *Node) Insert(v int) *Node {
	if n == nil {
		return &Node{Val: v}
	}
	if v < n.Val {
		n.Left = n.Left.Insert(v)
	} else {
		n.Right = n.Right.Insert(v)
	}
	return n
}

func (n *Node) Walk(visit func(int)) {
	if n == nil {
		return
	}
	n.Left.Walk(visit)
	visit(n.Val)
	n.Right.Walk(visit)
}

func (n *Node) Height() int {
	if n == nil {
		return 0
	}
	return 1 + max(n.Left.Height(), n.Right.Height())
}

func (n *Node) String() string {
	if n == nil {
		return "()"
	}
	return fmt.Sprintf("(%v %d %v)", n.Left, n.Val, n.Right)
}

func main() {
	var root *Node
	fmt.Println(root.Height(), root)
	for _, v := range []int{5, 3, 8, 1, 4, 9} {
		root = root.Insert(v)
	}
	var sb strings.Builder
	root.Walk(func(v int) { fmt.Fprintf(&sb, "%d ", v) })
	fmt.Println(sb.String())
	fmt.Println(root.Height(), root)
	var s fmt.Stringer = root
	fmt.Println(s != nil, s)
	var empty *Node
	s = empty
	fmt.Println(s == nil, s)
	m := map[int]*Node{}
	fmt.Println(m[1] == nil, m[1].Height())
}
