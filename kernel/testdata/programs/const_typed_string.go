package main

import "fmt"

type Color string

const (
	Red   Color = "red"
	Green Color = "green"
)

func paint(c Color) string { return "painted " + string(c) }

func main() {
	fmt.Println(paint(Red), paint(Green))
	fmt.Printf("%v %q\n", Red, Green)
}
