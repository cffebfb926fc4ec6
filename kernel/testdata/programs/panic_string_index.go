package main

import "fmt"

func charAt(s string, i int) (c byte, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("charAt(%q, %d): %v", s, i, r)
		}
	}()
	return s[i], nil
}

func main() {
	fmt.Println(charAt("go", 1))
	fmt.Println(charAt("go", 2))
	fmt.Println(charAt("go", -1))
}
