package main

import (
	"errors"
	"fmt"
)

// FieldError reports one invalid field of a form.
type FieldError struct {
	Field string
	Why   string
}

func (e FieldError) Error() string { return e.Field + ": " + e.Why }

var ErrEmpty = errors.New("form is empty")

func validate(name string, age int) error {
	var errs []error
	if name == "" {
		errs = append(errs, FieldError{"name", "required"})
	}
	if age < 0 {
		errs = append(errs, &FieldError{"age", "negative"})
	}
	if name == "" && age == 0 {
		errs = append(errs, ErrEmpty)
	}
	return errors.Join(errs...)
}

func main() {
	err := validate("", -1)
	fmt.Println(err)
	var fe FieldError
	fmt.Println(errors.As(err, &fe), fe.Field)
	var pfe *FieldError
	fmt.Println(errors.As(err, &pfe), pfe.Field)
	fmt.Println(errors.Is(err, FieldError{"name", "required"}), errors.Is(err, ErrEmpty))
	fmt.Println(validate("ann", 3) == nil)
	err = errors.Join(FieldError{"x", "bad"}, validate("", 0))
	fmt.Println(err)
	fmt.Println(errors.Is(err, ErrEmpty))
}
