package main

import "fmt"

type ID int

func main() {
	m := map[ID]string{1: "one"}
	f := func(x ID) ID { return x + 1 }
	fmt.Printf("%T\n%T\n", m, f)
}
