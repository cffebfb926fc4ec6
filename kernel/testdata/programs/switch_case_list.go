package main

import (
	"fmt"
	"strings"
)

func kind(r rune) string {
	switch {
	case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r == '_':
		return "letter"
	case r >= '0' && r <= '9':
		return "digit"
	case r == ' ', r == '\t', r == '\n':
		return "space"
	}
	return "other"
}

func weekend(day string) bool {
	switch d := strings.ToLower(day); {
	case d == "sat", d == "sun":
		return true
	}
	return false
}

func main() {
	for _, r := range "aZ_9 \t!" {
		fmt.Printf("%q:%s ", r, kind(r))
	}
	fmt.Println()
	fmt.Println(weekend("Sat"), weekend("SUN"), weekend("mon"))
	n := 15
	switch true {
	case n%3 == 0 && n%5 == 0, n == 0:
		fmt.Println("fizzbuzz")
	case n%3 == 0, n%5 == 0:
		fmt.Println("fizz or buzz")
	}
	calls := 0
	check := func(b bool) bool { calls++; return b }
	switch {
	case check(false), check(true), check(true):
		fmt.Println("matched after", calls, "checks")
	}
}
