package main

import (
	"errors"
	"fmt"
)

type LineError struct{ Line int }

func (e *LineError) Error() string { return fmt.Sprintf("line %d", e.Line) }

type Result struct {
	Line int
	Err  error
}

func check(n int) error {
	if n%2 == 1 {
		return &LineError{n}
	}
	return nil
}

func main() {
	var appended []error
	for i := 0; i < 3; i++ {
		appended = append(appended, &LineError{i})
	}
	fmt.Println(appended)

	var returned []error
	for i := 0; i < 4; i++ {
		if err := check(i); err != nil {
			returned = append(returned, err)
		}
	}
	fmt.Println(returned)

	indexed := make([]error, 3)
	for i := range indexed {
		indexed[i] = &LineError{i * 10}
	}
	fmt.Println(indexed)

	var results []Result
	for i := 0; i < 3; i++ {
		results = append(results, Result{i, &LineError{i + 100}})
	}
	fmt.Println(results[0].Err, results[2].Err)

	var declared []error
	for i := 0; i < 2; i++ {
		var err error = &LineError{i + 7}
		declared = append(declared, err)
	}
	fmt.Println(declared)
	var le *LineError
	fmt.Println(errors.As(appended[0], &le), le.Line)
}
