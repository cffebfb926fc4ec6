package main

import (
	"errors"
	"fmt"
)

type ValidationError struct {
	Field string
	Value any
}

func (e *ValidationError) Error() string {
	return fmt.Sprintf("invalid %s: %v", e.Field, e.Value)
}

type QueryError struct {
	Query string
	Err   error
}

func (e *QueryError) Error() string { return "query " + e.Query + ": " + e.Err.Error() }
func (e *QueryError) Unwrap() error { return e.Err }

var ErrNotFound = errors.New("not found")

func validate(age int) error {
	if age < 0 {
		return &ValidationError{"age", age}
	}
	return nil
}

func find(id int) error {
	if id > 100 {
		return &QueryError{Query: fmt.Sprintf("id=%d", id), Err: ErrNotFound}
	}
	if err := validate(id); err != nil {
		return &QueryError{Query: "validate", Err: err}
	}
	return nil
}

func service(id int) error {
	if err := find(id); err != nil {
		return fmt.Errorf("service(%d): %w", id, err)
	}
	return nil
}

func main() {
	for _, id := range []int{5, 500, -3} {
		err := service(id)
		fmt.Println("err:", err)
		if err == nil {
			continue
		}
		var qe *QueryError
		var ve *ValidationError
		fmt.Println("  not found:", errors.Is(err, ErrNotFound))
		if errors.As(err, &qe) {
			fmt.Println("  query:", qe.Query)
		}
		if errors.As(err, &ve) {
			fmt.Printf("  field %s value %v\n", ve.Field, ve.Value)
		}
		depth := 0
		for e := err; e != nil; e = errors.Unwrap(e) {
			depth++
		}
		fmt.Println("  depth:", depth)
	}

	var err error = (*ValidationError)(nil)
	fmt.Println(err == nil, err != nil)
	wrapped := fmt.Errorf("outer: %w", fmt.Errorf("middle: %w", ErrNotFound))
	fmt.Println(wrapped, errors.Unwrap(errors.Unwrap(wrapped)) == ErrNotFound)
	noWrap := fmt.Errorf("plain: %v", ErrNotFound)
	fmt.Println(errors.Is(noWrap, ErrNotFound), errors.Unwrap(noWrap))
}
