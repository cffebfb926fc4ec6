package main

import "fmt"

type Perm uint16

const (
	OwnerRead Perm = 1 << (8 - iota)
	OwnerWrite
	OwnerExec
)

const (
	maxUsers int64   = 1 << 20
	timeout  float64 = 60 * 1.5
	halfMax  int     = (1<<31 - 1) / 2
	mask     uint8   = 0xFF &^ 0x0F
)

func main() {
	fmt.Println(OwnerRead, OwnerWrite, OwnerExec)
	fmt.Printf("%T %o %v\n", OwnerRead, OwnerRead|OwnerExec, OwnerWrite&OwnerRead == 0)
	fmt.Println(maxUsers, timeout, halfMax, mask)
	fmt.Printf("%T %T %T %T\n", maxUsers, timeout, halfMax, mask)
	const local int32 = 3 * (7 + 1)
	var total = local * 2
	fmt.Println(local, total)
	fmt.Printf("%T %d\n", total, local)
	values := []any{maxUsers, timeout, local}
	for _, v := range values {
		fmt.Printf("%v:%T ", v, v)
	}
	fmt.Println()
}
