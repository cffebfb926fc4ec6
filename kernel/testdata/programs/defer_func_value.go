package main

import "fmt"

func main() {
	f := func() { fmt.Println("first") }
	defer f()
	f = func() { fmt.Println("second") }
	fmt.Println("body")
}
