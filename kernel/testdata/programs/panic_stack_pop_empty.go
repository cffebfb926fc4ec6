package main

import "fmt"

// pop removes and returns the top of the stack.
func pop(stack []int) (top int, rest []int) {
	top = stack[len(stack)-1]
	return top, stack[:len(stack)-1]
}

// trim drops the last n values.
func trim(stack []int, n int) []int {
	return stack[:len(stack)-n]
}

func main() {
	defer func() {
		fmt.Println("recovered:", recover())
	}()
	stack := []int{1, 2, 3}
	fmt.Println(trim(stack, 1))
	func() {
		defer func() { fmt.Println("trim:", recover()) }()
		fmt.Println(trim(stack, 5))
	}()
	for {
		var top int
		top, stack = pop(stack)
		fmt.Println("popped", top, "left", stack)
	}
}
