package main

import (
	"fmt"
	"strings"
)

type Vec struct{ X, Y float64 }

func (v Vec) GoString() string { return fmt.Sprintf("Vec(%g, %g)", v.X, v.Y) }

type Bar int

func (b Bar) Format(f fmt.State, verb rune) {
	n := int(b)
	if w, ok := f.Width(); ok {
		n = w
	}
	fmt.Fprint(f, strings.Repeat("#", n))
	if verb == 'd' {
		fmt.Fprintf(f, " %d", int(b))
	}
}

func main() {
	fmt.Printf("%#v\n", Vec{1, 2})
	fmt.Printf("%#v\n", []Vec{{3, 4}})
	fmt.Printf("%v\n", Vec{1, 2})
	fmt.Printf("%v|%d|%5v\n", Bar(3), Bar(2), Bar(1))
	fmt.Println([]Bar{1, 2, 3})
}
