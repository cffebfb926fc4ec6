package main

import (
	"errors"
	"fmt"
)

type StatusErr struct{ Code int }

func (e StatusErr) Error() string { return fmt.Sprintf("status %d", e.Code) }

func (e StatusErr) Is(target error) bool {
	t, ok := target.(StatusErr)
	return ok && t.Code/100 == e.Code/100
}

func main() {
	err := fmt.Errorf("request: %w", StatusErr{404})
	fmt.Println(errors.Is(err, StatusErr{400}), errors.Is(err, StatusErr{500}))
}
