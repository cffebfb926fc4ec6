package main

import "fmt"

type Color int

func (c Color) String() string { return [...]string{"red", "green", "blue"}[c] }

type Palette struct {
	Main   Color
	Accent Color
}

func main() {
	fmt.Printf("[%8s] [%-8v] [%q]\n", Color(0), Color(1), Color(2))
	fmt.Printf("%d %x %v\n", Color(2), Color(2), Color(2))
	fmt.Printf("%v %+v %d\n", Palette{0, 2}, Palette{1, 0}, Palette{1, 2})
	fmt.Printf("%q\n", []Color{0, 1})
	fmt.Println(fmt.Sprint(Color(1), Color(2)), fmt.Sprintln(Color(0)))
	s := fmt.Sprintf("%6.2f|%-5d|%s", 3.14159, 42, Color(1))
	fmt.Println(s, len(s))
}
