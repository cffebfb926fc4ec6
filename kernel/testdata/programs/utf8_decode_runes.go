package main

import (
	"fmt"
	"unicode"
	"unicode/utf8"
)

func reverse(s string) string {
	r := []rune(s)
	for i, j := 0, len(r)-1; i < j; i, j = i+1, j-1 {
		r[i], r[j] = r[j], r[i]
	}
	return string(r)
}

func main() {
	s := "Grüße, 世界! 👋"
	fmt.Println(len(s), utf8.RuneCountInString(s))
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if size > 1 {
			fmt.Printf("%d: %c %U size %d\n", i, r, r, size)
		}
		i += size
	}
	last, size := utf8.DecodeLastRuneInString(s)
	fmt.Printf("last %q %d\n", last, size)
	fmt.Println(reverse(s))

	bad := string([]byte{'a', 0xff, 'b'})
	fmt.Println(utf8.ValidString(bad), utf8.ValidString(s))
	for i, r := range bad {
		fmt.Println(i, r == utf8.RuneError, string(r))
	}

	buf := make([]byte, 0, 8)
	buf = utf8.AppendRune(buf, 'é')
	buf = utf8.AppendRune(buf, '€')
	fmt.Println(buf, utf8.RuneLen('€'), string(buf))

	var letters, digits, spaces, other int
	for _, r := range "Go 1.26 ist schön!" {
		switch {
		case unicode.IsLetter(r):
			letters++
		case unicode.IsDigit(r):
			digits++
		case unicode.IsSpace(r):
			spaces++
		default:
			other++
		}
	}
	fmt.Println(letters, digits, spaces, other)
	fmt.Println(string(unicode.ToUpper('ß')), string(unicode.ToTitle('ǆ')), unicode.Is(unicode.Han, '世'))
}
