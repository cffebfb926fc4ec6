package main

import (
	"errors"
	"fmt"
	"strings"
)

type job struct {
	name string
	data []int
}

func process(data []int) int {
	return data[2] / data[0]
}

// runAll runs every job; a job that panics is reported with its name and index.
func runAll(jobs []job) {
	for i, j := range jobs {
		func() {
			defer func() {
				if r := recover(); r != nil {
					fmt.Printf("job %d (%s) failed: %v\n", i, j.name, r)
				}
			}()
			fmt.Printf("job %d (%s) = %d\n", i, j.name, process(j.data))
		}()
	}
}

// closeAll defers one cleanup per resource directly in the loop.
func closeAll(names []string) (err error) {
	for i, name := range names {
		upper := strings.ToUpper(name)
		defer func() {
			if r := recover(); r != nil {
				err = errors.Join(err, fmt.Errorf("closing %s (#%d): %v", upper, i, r))
				return
			}
			fmt.Println("closed", name, i)
		}()
	}
	panic("disk full")
}

type tally struct{ seen []string }

func (t *tally) each(words []string) {
	for _, w := range words {
		defer func(prefix string) {
			r := recover()
			t.seen = append(t.seen, fmt.Sprint(prefix, w, ":", r))
		}("word=")
	}
	if len(words) > 1 {
		panic(fmt.Sprint(len(words), " words"))
	}
}

func main() {
	runAll([]job{
		{"a", []int{1, 2, 3}},
		{"b", []int{0, 1, 2}},
		{"c", []int{2, 4}},
		{"d", []int{2, 4, 8}},
	})
	fmt.Println("err:", closeAll([]string{"db", "log", "cache"}))
	var t tally
	t.each([]string{"x", "y", "z"})
	fmt.Println(strings.Join(t.seen, " | "))
	for n := 0; n < 3; n++ {
		func() {
			for k := 0; k < 2; k++ {
				defer func() {
					if r := recover(); r != nil {
						fmt.Println("outer", n, "inner", k, "recovered", r)
					}
				}()
			}
			if n == 1 {
				panic(fmt.Sprint("n is ", n))
			}
		}()
	}
}
