package main

import "fmt"

// clamp keeps v between lo and hi, calling the builtins through parentheses.
func clamp(v, lo, hi float64) float64 {
	return (max)(lo, (min)(v, hi))
}

func main() {
	a, b := 3, 7
	fmt.Println((min)(a, b), (max)(a, b, 5))
	fmt.Println(clamp(12.5, 0, 10), clamp(-1, 0, 10), clamp(4.25, 0, 10))
	scores := map[string]int{"ann": 3, "bob": 5}
	(clear)(scores)
	fmt.Println(len(scores), (max)("apple", "pear"))
}
