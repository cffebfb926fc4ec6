package main

import "fmt"

type NotFound struct{ Key string }

func (e NotFound) Error() string { return "not found: " + e.Key }

func main() {
	errs := []error{NotFound{"a"}, NotFound{"b"}}
	fmt.Println(errs)
	fmt.Printf("%v\n", errs[0])
	fmt.Printf("%T\n", errs[0])
}
