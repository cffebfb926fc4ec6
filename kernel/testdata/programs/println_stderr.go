// The builtins print and println write to standard error, in the
// runtime's own format; fmt's output alone goes to standard output.
package main

import (
	"fmt"
	"math"
)

type Celsius float64

func (c Celsius) String() string { return fmt.Sprintf("%.1f°C", float64(c)) }

type point struct{ x, y int }

func main() {
	temps := []Celsius{21.5, 19, 23.25}
	var sum Celsius
	for i, t := range temps {
		println("reading", i, t)
		sum += t
	}
	fmt.Println("average", sum/Celsius(len(temps)))
	var f32 float32 = 0.1
	println(1.5, 1e21, 1e-7, f32, float32(1)/3, 123456789.0)
	println(math.Inf(1), math.Inf(-1), math.NaN(), 3+4i, complex64(1-2i))
	println(true, 'x', uint8(200), -7, uint64(math.MaxUint64))
	var p *point
	var m map[string]int
	var s []int
	var ch chan int
	println(p, m, s, ch, p == nil)
	print("no", "spaces", 1, 2, "\n")
	print("x=", 3.0, "\n")
	fmt.Println("done")
}
