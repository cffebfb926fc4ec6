package main

import (
	"fmt"
	"strings"
)

func shift(r rune, k int) rune {
	switch {
	case r >= 'a' && r <= 'z':
		return 'a' + (r-'a'+rune(k)+26)%26
	case r >= 'A' && r <= 'Z':
		return 'A' + (r-'A'+rune(k)+26)%26
	}
	return r
}

func caesar(s string, k int) string {
	return strings.Map(func(r rune) rune { return shift(r, k) }, s)
}

func vigenere(s, key string) string {
	var b strings.Builder
	i := 0
	for _, r := range s {
		if r >= 'A' && r <= 'Z' {
			b.WriteRune(shift(r, int(key[i%len(key)]-'A')))
			i++
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func freq(s string) [26]int {
	var counts [26]int
	for _, c := range strings.ToLower(s) {
		if c >= 'a' && c <= 'z' {
			counts[c-'a']++
		}
	}
	return counts
}

func main() {
	msg := "Hello, World! Meet at 10pm."
	enc := caesar(msg, 13)
	fmt.Println(enc)
	fmt.Println(caesar(enc, 13) == msg)
	fmt.Println(caesar("xyz ABC", 3), caesar("abc", -3))
	v := vigenere("ATTACK AT DAWN", "LEMON")
	fmt.Println(v)
	counts := freq(msg)
	best := 0
	for i, n := range counts {
		if n > counts[best] {
			best = i
		}
	}
	fmt.Printf("most common %c (%d)\n", 'a'+best, counts[best])
	bytesRot := []byte("abc")
	for i := range bytesRot {
		bytesRot[i] += 1
	}
	fmt.Println(string(bytesRot), bytesRot[0]-'a')
}
