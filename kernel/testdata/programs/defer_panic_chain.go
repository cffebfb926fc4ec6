// Deferred calls keep running after one of them panics: in a deferred
// literal's own deferred calls, in loops, in methods and in goroutines.
package main

import (
	"errors"
	"fmt"
)

func nested() (out string) {
	defer func() { out += fmt.Sprint(" outer recovered: ", recover()) }()
	defer fmt.Println("nested: first deferred")
	defer func() {
		defer fmt.Println("inner: runs")
		defer func() { panic("inner panic") }()
		defer func() { fmt.Println("inner: before the panic") }()
	}()
	return "body"
}

func loopRecover(names []string) (got []string) {
	for i, n := range names {
		defer func() {
			if r := recover(); r != nil {
				got = append(got, fmt.Sprintf("%d %s caught %v", i, n, r))
			}
		}()
		defer func() {
			if n == "bad" {
				panic("bad name at " + fmt.Sprint(i))
			}
		}()
	}
	return nil
}

type T struct{ log []string }

func (t *T) run(fail bool) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = r.(error)
		}
	}()
	defer func() { t.log = append(t.log, "cleanup") }()
	defer func() {
		if fail {
			panic(errors.New("deferred failure"))
		}
	}()
	var m map[string]int
	if fail {
		m["x"] = 1
	}
	return nil
}

func divide(a, b int) (q int, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%v", r)
		}
	}()
	defer func() {
		if r := recover(); r != nil {
			panic(fmt.Sprint("divide: ", r))
		}
	}()
	return a / b, nil
}

func main() {
	fmt.Println(nested())
	fmt.Println(loopRecover([]string{"a", "bad", "c", "bad"}))
	t := &T{}
	fmt.Println(t.run(false), t.log)
	fmt.Println(t.run(true), t.log)
	for _, b := range []int{2, 0, 3} {
		fmt.Println(divide(6, b))
	}
	done := make(chan string)
	go func() {
		defer func() { done <- fmt.Sprint("goroutine recovered: ", recover()) }()
		defer func() { panic("in goroutine") }()
		defer fmt.Println("goroutine unwinding")
	}()
	fmt.Println(<-done)
}
