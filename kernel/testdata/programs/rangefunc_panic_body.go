package main

import (
	"fmt"
	"iter"
)

func Items(names ...string) iter.Seq[string] {
	return func(yield func(string) bool) {
		defer fmt.Println("iterator cleanup runs during the panic")
		for _, n := range names {
			if !yield(n) {
				return
			}
		}
	}
}

func check(names ...string) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("recovered: %v", r)
		}
	}()
	for n := range Items(names...) {
		if n == "" {
			panic("empty name")
		}
		fmt.Println("ok", n)
	}
	return nil
}

func main() {
	fmt.Println(check("ann", "bob"))
	fmt.Println(check("cid", "", "dan"))
}
