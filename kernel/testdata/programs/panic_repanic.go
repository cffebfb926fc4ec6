package main

import (
	"errors"
	"fmt"
)

var errFatal = errors.New("fatal")

func step(n int) {
	defer func() {
		if r := recover(); r != nil {
			if err, ok := r.(error); ok && errors.Is(err, errFatal) {
				fmt.Println("step", n, "re-panics")
				panic(r)
			}
			fmt.Println("step", n, "recovered:", r)
		}
	}()
	if n == 1 {
		panic("soft")
	}
	if n == 2 {
		panic(errFatal)
	}
	fmt.Println("step", n, "ok")
}

func main() {
	defer func() {
		fmt.Println("main recovered:", recover())
	}()
	for n := 0; n < 4; n++ {
		step(n)
	}
}
