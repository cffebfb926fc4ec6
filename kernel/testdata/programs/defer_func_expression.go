package main

import "fmt"

// cleanups defers functions reached through expressions: an element of a
// slice of closures, the result of a call, and a type assertion, each
// evaluated at the defer statement.
func cleanups(name string) {
	steps := []func(){
		func() { fmt.Println("close", name) },
		func() { fmt.Println("flush", name) },
	}
	later := func(msg string) func() {
		return func() { fmt.Println("later:", msg) }
	}
	var hook any = func() { fmt.Println("hook for", name) }
	defer steps[0]()
	defer steps[1]()
	defer later("done")()
	defer hook.(func())()
	// The function value is read at the defer statement.
	steps[0] = func() { fmt.Println("replaced", name) }
	hook = func() { fmt.Println("new hook") }
	fmt.Println("working on", name)
}

func main() {
	cleanups("a.txt")
	cleanups("b.txt")
	fmt.Println("end")
}
