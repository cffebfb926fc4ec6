package main

import (
	"fmt"
	"runtime"
)

// Stubborn ignores yield's answer and keeps going.
func Stubborn(yield func(int) bool) {
	for i := 0; i < 3; i++ {
		yield(i)
	}
}

func main() {
	defer func() {
		r := recover()
		_, isRuntime := r.(runtime.Error)
		fmt.Println("recovered:", r)
		fmt.Println("runtime error:", isRuntime)
	}()
	for x := range Stubborn {
		fmt.Println("got", x)
		if x == 1 {
			break
		}
	}
	fmt.Println("not reached")
}
