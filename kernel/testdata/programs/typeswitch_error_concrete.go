package main

import (
	"errors"
	"fmt"
)

// NotFound and Invalid are the errors find returns; callers tell them apart
// with a type switch or a type assertion.
type NotFound struct{ Key string }

func (e *NotFound) Error() string { return "not found: " + e.Key }

type Invalid struct {
	Field string
	Why   string
}

func (e Invalid) Error() string { return e.Field + " " + e.Why }

func find(i int) error {
	switch i {
	case 0:
		return &NotFound{"k"}
	case 1:
		return Invalid{"name", "empty"}
	case 2:
		return errors.New("boom")
	}
	return nil
}

func main() {
	for i := 0; i < 4; i++ {
		switch e := find(i).(type) {
		case nil:
			fmt.Println("ok")
		case *NotFound:
			fmt.Println("missing", e.Key)
		case Invalid:
			fmt.Println("invalid", e.Field, e.Why)
		default:
			fmt.Println("other", e)
		}
	}
	err := find(1)
	if inv, ok := err.(Invalid); ok {
		fmt.Println("assert", inv.Field)
	}
	if nf, ok := find(0).(*NotFound); ok {
		fmt.Println("assert", nf.Key)
	}
}
