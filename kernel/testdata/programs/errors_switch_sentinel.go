package main

import (
	"errors"
	"fmt"
	"io"
)

// QuotaError is returned when a user is over quota; the package keeps one
// value of it as a sentinel.
type QuotaError struct{ Limit int }

func (e *QuotaError) Error() string { return fmt.Sprintf("over quota (%d)", e.Limit) }

var (
	ErrQuota  error = &QuotaError{100}
	ErrClosed       = errors.New("closed")
)

func write(i int) error {
	switch i {
	case 0:
		return ErrQuota
	case 1:
		return ErrClosed
	case 2:
		return io.EOF
	}
	return nil
}

func main() {
	for i := 0; i < 4; i++ {
		switch err := write(i); err {
		case nil:
			fmt.Println(i, "ok")
		case ErrQuota:
			fmt.Println(i, "quota:", err)
		case ErrClosed, io.EOF:
			fmt.Println(i, "stopped:", err)
		default:
			fmt.Println(i, "other")
		}
	}
}
