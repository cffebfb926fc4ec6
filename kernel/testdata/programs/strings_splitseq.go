package main

import (
	"fmt"
	"strings"
)

func main() {
	for part := range strings.SplitSeq("a,b,,c", ",") {
		fmt.Printf("%q ", part)
	}
	fmt.Println()
	for f := range strings.FieldsSeq("  go   is fun ") {
		fmt.Print("[", f, "]")
	}
	fmt.Println()
	for line := range strings.Lines("one\ntwo\n") {
		fmt.Printf("%q\n", line)
	}
}
