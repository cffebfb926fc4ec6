// A function whose deferred call recovers a panic returns the zero values
// of its unnamed results, however often it is called.
package main

import (
	"fmt"
	"strconv"
)

func safeDiv(a, b int) int {
	defer func() {
		if r := recover(); r != nil {
			fmt.Println("recovered:", r)
		}
	}()
	return a / b
}

type parser struct{ fails int }

// atoi parses s, or counts a failure and returns 0 and false.
func (p *parser) atoi(s string) (int, bool) {
	defer func() {
		if recover() != nil {
			p.fails++
		}
	}()
	n, err := strconv.Atoi(s)
	if err != nil {
		panic(err)
	}
	return n, true
}

func main() {
	for _, b := range []int{3, 0, 2} {
		fmt.Println("12 /", b, "=", safeDiv(12, b))
	}
	p := &parser{}
	for _, s := range []string{"7", "seven", "42", ""} {
		n, ok := p.atoi(s)
		fmt.Println(s, n, ok)
	}
	fmt.Println("failures:", p.fails)
}
