package main

import "fmt"

func f() {
	defer fmt.Println("outer defer")
	defer func() {
		fmt.Println("outer recovered:", recover())
	}()
	for i := 0; i < 3; i++ {
		defer func() {
			if i == 0 {
				fmt.Println("took", recover(), recover())
			} else {
				fmt.Println("left", i)
			}
		}()
	}
	panic("boom")
}

func g() {
	for i := 0; i < 2; i++ {
		defer func() {
			if i == 1 {
				fmt.Println("passing on", i)
				return
			}
			fmt.Println("recovered", i, recover())
		}()
	}
	panic("gee")
}

func main() {
	f()
	g()
	fmt.Println("end")
}
