package main

import (
	"fmt"
	"sort"
)

// Values of named slices, maps and structs without methods keep their
// types in an any, a []any and a map[string]any.

type IDs []int

type Scores map[string]int

type User struct {
	Name string
	Age  int
}

func main() {
	var v any = IDs{3, 1, 2}
	fmt.Printf("%T %v\n", v, v)
	record := map[string]any{
		"ids":    IDs{1},
		"scores": Scores{"ann": 9},
		"user":   User{"bo", 30},
		"plain":  []int{7},
	}
	keys := make([]string, 0, len(record))
	for k := range record {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Printf("%s: %T %v\n", k, record[k], record[k])
	}
	list := []any{User{"cy", 41}, &User{"di", 52}}
	for _, u := range list {
		fmt.Printf("%T %+v\n", u, u)
	}
	if u, ok := record["user"].(User); ok {
		fmt.Println(u.Name, u.Age)
	}
}
