package main

import (
	"fmt"
	"strings"
)

// process applies each step to the words in turn.
func process(words []string) []string {
	upper := func(s string) string { return strings.ToUpper(s) }
	var out []string
	each := func(f func(int, string)) {
		for i, w := range words {
			f(i, w)
		}
	}
	each(func(i int, w string) {
		pick := func() string {
			parts := strings.Split(w, "-")
			if len(parts) < 2 {
				panic(fmt.Sprintf("no dash in %q", w))
			}
			return parts[1]
		}
		out = append(out, upper(pick()))
		fmt.Println(i, out[i])
	})
	return out
}

func main() {
	fmt.Println(process([]string{"a-b", "c-d"}))
	fmt.Println(process([]string{"e-f", "g"}))
}
