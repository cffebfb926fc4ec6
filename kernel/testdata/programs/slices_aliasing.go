package main

import "fmt"

func main() {
	s := make([]int, 3, 10)
	t := append(s, 4)
	u := append(s, 5)
	fmt.Println(t[3], u[3], len(s), cap(s))
	v := s[1:2]
	v[0] = 9
	fmt.Println(s, len(v), cap(v))
	w := s[:2:2]
	w = append(w, 7)
	fmt.Println(s, w)
}
