package main

import (
	"cmp"
	"fmt"
)

func Clamp[T cmp.Ordered](x, lo, hi T) T {
	return max(lo, min(x, hi))
}

func main() {
	fmt.Println(Clamp(15, 0, 10), Clamp(-2.5, -1, 1), Clamp("m", "a", "k"))
}
