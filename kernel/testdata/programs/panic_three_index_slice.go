package main

import "fmt"

func limit(buf []byte, n, max int) (out []byte) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Println("limit:", r)
		}
	}()
	return buf[0:n:max]
}

func main() {
	buf := make([]byte, 4, 16)
	fmt.Println(len(limit(buf, 2, 8)), cap(limit(buf, 2, 8)))
	limit(buf, 2, 20)
	limit(buf, 9, 8)
}
