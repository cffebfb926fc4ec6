package main

import (
	"errors"
	"fmt"
)

func divmod(a, b int) (q, r int, err error) {
	if b == 0 {
		err = errors.New("division by zero")
		return
	}
	return a / b, a % b, nil
}

func main() {
	q, r, err := divmod(17, 5)
	fmt.Println(q, r, err)
	_, _, err = divmod(1, 0)
	fmt.Println(err)
}
