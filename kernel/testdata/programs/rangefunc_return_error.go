package main

import (
	"errors"
	"fmt"
	"slices"
)

type NotFound struct{ Key string }

func (e NotFound) Error() string { return "not found: " + e.Key }

func lookup(keys []string, want string) (int, error) {
	for i, k := range slices.All(keys) {
		if k == want {
			return i, nil
		}
		if k == "" {
			return -1, NotFound{Key: "empty"}
		}
	}
	return -1, NotFound{Key: want}
}

func main() {
	fmt.Println(lookup([]string{"a", "b"}, "b"))
	_, err := lookup([]string{"a"}, "z")
	var nf NotFound
	fmt.Println(err, errors.As(err, &nf), nf.Key)
	_, err = lookup([]string{"a", ""}, "z")
	fmt.Println(err)
}
