package main

import (
	"errors"
	"fmt"
	"strconv"
)

var x = "package"

func find(key string) (string, error) {
	if key == "" {
		return "", errors.New("empty key")
	}
	return "value of " + key, nil
}

func main() {
	fmt.Println(x)
	x := "main"
	fmt.Println(x)
	{
		x := 3
		x++
		fmt.Println("block", x)
	}
	fmt.Println(x)

	if x := len(x); x > 3 {
		fmt.Println("if", x)
	} else {
		fmt.Println("else", x)
	}

	var err error
	val := "start"
	if true {
		val, err := find("")
		fmt.Printf("inner %q %v\n", val, err)
	}
	fmt.Printf("outer %q %v\n", val, err)

	n, err := strconv.Atoi("12")
	m, err := strconv.Atoi("x")
	fmt.Println(n, m, err != nil)

	for i := 0; i < 2; i++ {
		i := i * 10
		fmt.Print(i, " ")
	}
	fmt.Println()

	len := func(s string) int { return 99 }
	fmt.Println(len("abc"))

	type int32 = string
	var s int32 = "not a number"
	fmt.Println(s)

	true := false
	fmt.Println(true, !true)

	fmt := "shadowed fmt"
	_ = fmt
	println2(fmt)
}

func println2(s string) { fmt.Println(s, x) }
