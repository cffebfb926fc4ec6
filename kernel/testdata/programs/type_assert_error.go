package main

import (
	"fmt"
	"strconv"
)

func main() {
	_, err := strconv.Atoi("12a")
	if ne, ok := err.(*strconv.NumError); ok {
		fmt.Println("func:", ne.Func, "num:", ne.Num, "err:", ne.Err)
	}
	var v any = err
	_, isErr := v.(error)
	fmt.Println(isErr)
}
