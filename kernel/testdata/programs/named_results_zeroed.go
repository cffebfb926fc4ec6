// Named results start at their zero values on every call, also when the
// function is called again and again in a loop.
package main

import (
	"fmt"
	"strings"
)

// columns returns the second and third fields of a CSV line; a short line
// panics, and the deferred function turns the panic into an error.
func columns(line string) (cols []string, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("bad line %q: %v", line, r)
		}
	}()
	parts := strings.Split(line, ",")
	cols = parts[1:3]
	return cols, nil
}

// evens collects the even numbers of xs.
func evens(xs []int) (out []int) {
	for _, x := range xs {
		if x%2 == 0 {
			out = append(out, x)
		}
	}
	return
}

// lookup finds key in pairs "k=v"; a missing key gives "" and false.
func lookup(pairs []string, key string) (value string, found bool) {
	for _, p := range pairs {
		if k, v, ok := strings.Cut(p, "="); ok && k == key {
			value, found = v, true
			return
		}
	}
	return
}

func main() {
	for _, line := range []string{"a,b,c,d", "x", "e,f,g"} {
		cols, err := columns(line)
		fmt.Println(len(cols), cols, err)
	}
	for _, xs := range [][]int{{1, 2, 3, 4}, {5, 6}, {7}} {
		fmt.Println(evens(xs))
	}
	pairs := []string{"name=gopher", "lang=go"}
	for _, k := range []string{"lang", "age", "name", "size"} {
		v, ok := lookup(pairs, k)
		fmt.Printf("%s: %q %v\n", k, v, ok)
	}
}
