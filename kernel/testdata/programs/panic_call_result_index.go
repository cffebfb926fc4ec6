package main

import (
	"fmt"
	"runtime"
	"strings"
)

// field returns the n-th whitespace-separated field of line, or the
// run-time error a short line causes.
func field(line string, n int) (f string, err error) {
	defer func() {
		if r := recover(); r != nil {
			re, ok := r.(runtime.Error)
			if !ok {
				panic(r)
			}
			err = re
		}
	}()
	return strings.Fields(line)[n], nil
}

// columns returns the fields lo to hi of a comma-separated line.
func columns(line string, lo, hi int) (cols []string, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = r.(error)
		}
	}()
	return strings.Split(line, ",")[lo:hi], nil
}

func words() []string { return []string{"go", "run"} }

func main() {
	for _, l := range []string{"alice 30 paris", "bob 25", "carol 41 rome"} {
		city, err := field(l, 2)
		if err != nil {
			fmt.Printf("%q: %v (%T)\n", l, err, err)
			continue
		}
		fmt.Printf("%q lives in %s\n", l, city)
	}
	fmt.Println(columns("a,b,c,d", 1, 3))
	fmt.Println(columns("a,b", 1, 3))
	defer func() {
		r := recover()
		_, ok := r.(runtime.Error)
		fmt.Println("recovered:", r, ok)
	}()
	i := 2
	fmt.Println(words()[i])
}
