package main

import (
	"fmt"
	"runtime"
)

type Node struct {
	Val  int
	Next *Node
}

func main() {
	defer func() {
		r := recover()
		_, isRuntime := r.(runtime.Error)
		fmt.Println("runtime error:", isRuntime)
		fmt.Println(r)
	}()
	head := &Node{Val: 1}
	head.Next.Val = 2
	fmt.Println("not reached")
}
