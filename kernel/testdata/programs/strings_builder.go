package main

import (
	"fmt"
	"strings"
)

func main() {
	var b strings.Builder
	for i := 3; i > 0; i-- {
		fmt.Fprintf(&b, "%d...", i)
	}
	b.WriteString("liftoff")
	fmt.Println(b.String(), b.Len())
	fmt.Println(strings.Repeat("=", 10))
	fmt.Println(strings.Title("x") == "X", strings.ToUpper("go"), strings.TrimSpace("  hi  "))
}
