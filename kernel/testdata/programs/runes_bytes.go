package main

import (
	"fmt"
	"unicode"
	"unicode/utf8"
)

func main() {
	s := "héllo, 世界"
	fmt.Println(len(s), utf8.RuneCountInString(s))
	for i, r := range "aé世" {
		fmt.Println(i, string(r), r)
	}
	upper := 0
	for _, r := range "Hello World" {
		if unicode.IsUpper(r) {
			upper++
		}
	}
	fmt.Println(upper, []byte("hi"), []rune("hé"))
}
