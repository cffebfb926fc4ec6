package main

import "fmt"

func main() {
	names := []string{"ada", "bob", "cy"}
	var prints []func()
	for i, n := range names {
		prints = append(prints, func() { fmt.Println(i, n) })
	}
	for _, p := range prints {
		p()
	}
}
