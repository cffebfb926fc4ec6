package main

import (
	"errors"
	"fmt"
)

type Timeout struct{ Op string }

func (t Timeout) Error() string { return t.Op + ": timeout" }

func main() {
	var err error = fmt.Errorf("outer: %w", fmt.Errorf("inner: %w", Timeout{"read"}))
	var t Timeout
	fmt.Println(errors.As(err, &t), t.Op)
	fmt.Println(err)
}
