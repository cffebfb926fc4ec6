package main

import (
	"errors"
	"fmt"
)

func main() {
	defer func() {
		r := recover()
		err, ok := r.(error)
		fmt.Println(ok, err)
	}()
	panic(errors.New("custom failure"))
}
