package main

import "fmt"

// A cleanup function kept in a variable, deferred directly and called from
// a deferred function literal.
func work(name string) {
	cleanup := func() { fmt.Println("cleanup", name) }
	defer cleanup()
	defer func() {
		fmt.Println("closing", name)
		cleanup()
	}()
	fmt.Println("working on", name)
}

func main() {
	work("a")
	work("b")
}
