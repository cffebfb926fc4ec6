package main

import "fmt"

type Perm uint8

const (
	Read Perm = 1 << iota
	Write
	Exec
)

func main() {
	p := Read | Exec
	fmt.Println(p, p&Write != 0, p&Exec != 0)
	fmt.Printf("%03b\n", p)
}
