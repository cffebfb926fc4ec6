package main

import (
	"fmt"
	"strings"
)

type Transform func(string) string

func chain(fs ...Transform) Transform {
	return func(s string) string {
		for _, f := range fs {
			s = f(s)
		}
		return s
	}
}

func main() {
	t := chain(strings.TrimSpace, strings.ToUpper, func(s string) string { return s + "!" })
	fmt.Println(t("  hello "))
	fmt.Printf("%T\n", t)
}
