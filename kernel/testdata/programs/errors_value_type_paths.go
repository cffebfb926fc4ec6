package main

import (
	"errors"
	"fmt"
)

// VErr is an error of struct type; it reaches errors.As by assignment,
// argument, slice, struct field and map value.
type VErr struct {
	Code int
	Msg  string
}

func (e VErr) Error() string { return fmt.Sprintf("%d %s", e.Code, e.Msg) }

type PErr struct{ N int }

func (e *PErr) Error() string { return fmt.Sprint("p", e.N) }

func check(err error) string {
	var v VErr
	var p *PErr
	return fmt.Sprint(err, " ", errors.As(err, &v), v.Code, " ", errors.As(err, &p), p != nil)
}

type holder struct{ err error }

func main() {
	var err error
	err = VErr{1, "a"}
	fmt.Println(check(err))
	fmt.Println(check(VErr{2, "b"}))
	fmt.Println(check(&PErr{3}))
	errs := []error{VErr{4, "c"}, &PErr{5}}
	for _, e := range errs {
		fmt.Println(check(e))
	}
	h := holder{VErr{6, "d"}}
	fmt.Println(check(h.err))
	m := map[string]error{"x": VErr{7, "e"}}
	fmt.Println(check(m["x"]))
	fmt.Println(errors.Is(fmt.Errorf("w: %w", VErr{8, "f"}), VErr{8, "f"}))
}
