package main

import (
	"errors"
	"fmt"
)

type wrapErr struct {
	msg string
	err error
}

func (w *wrapErr) Error() string { return w.msg + ": " + w.err.Error() }
func (w *wrapErr) Unwrap() error { return w.err }

func main() {
	base := errors.New("disk full")
	err := &wrapErr{"save", &wrapErr{"write", base}}
	fmt.Println(err)
	for e := error(err); e != nil; e = errors.Unwrap(e) {
		fmt.Println("-", e)
	}
	fmt.Println(errors.Is(err, base))
}
