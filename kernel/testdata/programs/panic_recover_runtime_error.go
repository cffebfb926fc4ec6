package main

import (
	"fmt"
	"runtime"
)

func get(a []int, i int) (v int, err error) {
	defer func() {
		if r := recover(); r != nil {
			re, ok := r.(runtime.Error)
			fmt.Println("runtime.Error:", ok)
			err = fmt.Errorf("%v", re)
		}
	}()
	return a[i], nil
}

func main() {
	fmt.Println(get([]int{1, 2, 3}, 5))
	fmt.Println(get([]int{1, 2, 3}, 1))
}
