package main

import (
	"fmt"
	"strings"
)

func classify(r rune) string {
	switch {
	case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z':
		return "letter"
	case r >= '0' && r <= '9':
		return "digit"
	case strings.ContainsRune(" \t\n", r):
		return "space"
	}
	return "other"
}

func daysIn(month string, leap bool) int {
	switch m := strings.ToLower(month); m {
	case "feb":
		if leap {
			return 29
		}
		return 28
	case "apr", "jun", "sep", "nov":
		return 30
	default:
		return 31
	}
}

func level(n int) (out []string) {
	switch {
	case n > 100:
		out = append(out, "huge")
		fallthrough
	case n > 10:
		out = append(out, "big")
		fallthrough
	case n > 0:
		out = append(out, "positive")
	case n == 0:
		out = append(out, "zero")
	default:
		out = append(out, "negative")
	}
	return
}

func main() {
	for _, r := range "a1 ?Z" {
		fmt.Printf("%q:%s ", r, classify(r))
	}
	fmt.Println()
	fmt.Println(daysIn("Feb", true), daysIn("feb", false), daysIn("JUN", false), daysIn("jan", false))
	for _, n := range []int{500, 50, 5, 0, -5} {
		fmt.Println(n, level(n))
	}

	for i := 0; i < 6; i++ {
		switch {
		case i == 1:
			continue
		case i == 4:
			break
		default:
			fmt.Print("i=", i, " ")
		}
	}
	fmt.Println()

	x := 3
	switch x {
	}
	switch y := x * 2; {
	case y > 5:
		fmt.Println("y big", y)
	}
	switch f := 2.5; f {
	case 2.5:
		fmt.Println("exact")
	}
}
