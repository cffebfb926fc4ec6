package main

import (
	"bytes"
	"fmt"
	"strings"
)

// The iterator functions of strings and bytes (Go 1.24), called with a
// yield function.
func main() {
	var parts []string
	strings.SplitSeq("a,b,,c", ",")(func(s string) bool {
		parts = append(parts, s)
		return true
	})
	fmt.Printf("%q\n", parts)
	n := 0
	strings.Lines("one\ntwo\nthree")(func(line string) bool {
		n++
		fmt.Printf("%d %q\n", n, line)
		return n < 2
	})
	bytes.FieldsSeq([]byte("  go  is fun "))(func(f []byte) bool {
		fmt.Print("[", string(f), "]")
		return true
	})
	fmt.Println()
}
