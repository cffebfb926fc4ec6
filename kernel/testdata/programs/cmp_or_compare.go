package main

import (
	"cmp"
	"fmt"
	"math"
)

func main() {
	nan := math.NaN()
	one := 1.0
	fmt.Println(cmp.Compare(nan, one), cmp.Compare(one, nan), cmp.Compare(nan, nan))
	fmt.Println(cmp.Less(nan, math.Inf(-1)), cmp.Less("a", "b"))
	fmt.Println(cmp.Or("", "default"), cmp.Or(0, 0, 7))
	name, age := "Al", 30
	fmt.Println(cmp.Or(cmp.Compare(name, "Bo"), cmp.Compare(age, 20)))
}
