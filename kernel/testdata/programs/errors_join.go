package main

import (
	"errors"
	"fmt"
)

var ErrA = errors.New("a failed")
var ErrB = errors.New("b failed")

func main() {
	err := errors.Join(ErrA, ErrB)
	fmt.Println(err)
	fmt.Println(errors.Is(err, ErrA), errors.Is(err, ErrB))
}
