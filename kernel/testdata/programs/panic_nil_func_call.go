package main

import "fmt"

type handlers map[string]func() string

func call(h handlers, name string) (out string) {
	defer func() {
		if r := recover(); r != nil {
			out = fmt.Sprint("no handler ", name, ": ", r)
		}
	}()
	return h[name]()
}

func main() {
	h := handlers{"hi": func() string { return "hello" }}
	fmt.Println(call(h, "hi"))
	fmt.Println(call(h, "bye"))
}
