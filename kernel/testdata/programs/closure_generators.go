package main

import (
	"fmt"
	"strings"
)

func fibGen() func() int {
	a, b := 0, 1
	return func() int {
		r := a
		a, b = b, a+b
		return r
	}
}

func idGen(prefix string) func() string {
	n := 0
	return func() string {
		n++
		return fmt.Sprintf("%s-%03d", prefix, n)
	}
}

func compose(fs ...func(string) string) func(string) string {
	return func(s string) string {
		for _, f := range fs {
			s = f(s)
		}
		return s
	}
}

func adder() (func(int), func() int) {
	total := 0
	return func(x int) { total += x }, func() int { return total }
}

func main() {
	next := fibGen()
	for i := 0; i < 10; i++ {
		fmt.Print(next(), " ")
	}
	fmt.Println()

	user, order := idGen("user"), idGen("order")
	fmt.Println(user(), user(), order(), user())

	shout := compose(strings.TrimSpace, strings.ToUpper, func(s string) string { return s + "!" })
	fmt.Println(shout("  hello there "))

	add, get := adder()
	for _, x := range []int{3, 4, 5} {
		add(x)
	}
	fmt.Println(get())

	var funcs []func() int
	for i := range 3 {
		funcs = append(funcs, func() int { return i * i })
	}
	for _, f := range funcs {
		fmt.Print(f(), " ")
	}
	fmt.Println()

	counter := func() func() int {
		c := 0
		return func() int { c++; return c }
	}()
	counter()
	counter()
	fmt.Println(counter())
}
