package main

import (
	"errors"
	"fmt"
	"strconv"
)

func mustPositive(n int) int {
	if n <= 0 {
		panic(fmt.Sprintf("not positive: %d", n))
	}
	return n
}

func parseAll(items []string) (total int, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("parseAll: %v", r)
			total = -1
		}
	}()
	for _, s := range items {
		n, err := strconv.Atoi(s)
		if err != nil {
			panic(err)
		}
		total += mustPositive(n)
	}
	return total, nil
}

func safely(name string, f func()) (msg string) {
	defer func() {
		r := recover()
		switch v := r.(type) {
		case nil:
			msg = name + ": ok"
		case error:
			msg = name + ": error " + v.Error()
		case string:
			msg = name + ": string " + v
		default:
			msg = fmt.Sprintf("%s: %T %v", name, v, v)
		}
	}()
	f()
	return "unreachable?"
}

func level3() { panic(errors.New("deep")) }
func level2() { level3() }
func level1() {
	defer fmt.Println("level1 deferred runs")
	level2()
}

func main() {
	fmt.Println(parseAll([]string{"1", "2", "3"}))
	fmt.Println(parseAll([]string{"1", "-2", "3"}))
	fmt.Println(parseAll([]string{"1", "x"}))

	fmt.Println(safely("nothing", func() {}))
	fmt.Println(safely("nested", level1))
	fmt.Println(safely("number", func() { panic(42) }))
	fmt.Println(safely("text", func() { panic("boom") }))
	fmt.Println(safely("index", func() {
		var s []int
		_ = s[3]
	}))

	func() {
		defer func() {
			fmt.Println("recovered again:", recover())
		}()
		defer func() {
			r := recover()
			panic(fmt.Sprint("re-panic of ", r))
		}()
		panic("first")
	}()
	fmt.Println("main continues")
}
