package main

import (
	"fmt"
	"strconv"
)

func main() {
	n, err := strconv.Atoi("123")
	fmt.Println(n+1, err)
	f, _ := strconv.ParseFloat("2.5e3", 64)
	fmt.Println(f)
	b, _ := strconv.ParseBool("true")
	fmt.Println(b, strconv.Itoa(99)+"!", strconv.Quote("hi\n"))
	_, err = strconv.Atoi("x")
	fmt.Println(err)
	fmt.Println(strconv.FormatInt(255, 2), strconv.FormatInt(255, 16))
}
