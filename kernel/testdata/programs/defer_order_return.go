package main

import "fmt"

func f() (n int) {
	defer func() { n *= 2 }()
	defer func() { n += 3 }()
	return 1
}

func main() {
	fmt.Println(f())
}
