package main

import "fmt"

func main() {
	n := 255
	fmt.Printf("%d|%5d|%-5d|%05d|%+d\n", n, n, n, n, n)
	fmt.Printf("%b|%o|%O|%x|%X|%#x|%#o|%08b\n", n, n, n, n, n, n, n, 5)
	fmt.Printf("%*d|%-*d|%.*f\n", 6, 42, 6, 42, 2, 3.14159)
	fmt.Printf("%c|%q|%U|%#U\n", 'G', 'G', 'é', '世')

	f := 1234.5678
	fmt.Printf("%f|%.2f|%08.3f|%-10.1f|%+.1f\n", f, f, f, f, f)
	fmt.Printf("%e|%E|%.3e|%g|%G\n", f, f, f, f, 1e21)
	fmt.Printf("%g|%g|%g|%v\n", 0.000001234, 100000000.0, 1e-7, 1e6)
	fmt.Printf("%6.2f%%\n", 99.5)
	fmt.Printf("%x|%X|% x\n", 3.5, -1, []byte{1, 171, 255})

	var i8 int8 = -5
	var u8 uint8 = 200
	fmt.Printf("%d %b %x %d %08b\n", i8, i8, i8, u8, u8)
	fmt.Printf("%v %d %v\n", []int{1, 2}, [2]int8{3, 4}, map[string]int{"b": 2, "a": 1})
	fmt.Printf("%t %v %5t|\n", true, false, true)
	c := complex(1.5, -2)
	fmt.Printf("%v %.1f %g\n", c, c, c)

	fmt.Printf("%d %s\n", "str", 5)
	fmt.Printf("%d\n")
	fmt.Printf("%d %d\n", 1, 2, 3)
	fmt.Printf("%!\n", 1)
	fmt.Printf("%z\n", 7)
	s := fmt.Sprintf("%3c|%-3c|", 'x', 'y')
	fmt.Println(s, len(s))
	fmt.Println(fmt.Sprint(1, 2, "a", "b", 3), fmt.Sprintln("x", 1))
}
