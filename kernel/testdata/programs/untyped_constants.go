package main

import (
	"fmt"
	"math"
)

const Big = 1 << 100
const Small = Big >> 98
const Pi2 = math.Pi * 2
const third = 1.0 / 3
const intDiv = 7 / 2
const floatDiv = 7 / 2.0
const huge = 1e300 * 1e300 / 1e300

type Celsius float64
type Count int

func main() {
	fmt.Println(Small, Big/(1<<97), Big > math.MaxInt64)
	fmt.Println(intDiv, floatDiv, third*3 == 1, huge)
	fmt.Printf("%.10f %T\n", Pi2, Pi2)

	var f32 float32 = third
	var f64 float64 = third
	fmt.Println(f32, f64, float64(f32) == f64)

	var c Celsius = 100
	var n Count = 'a'
	fmt.Println(c*9/5+32, n+1, c/3)

	var i int = 5.0
	var r rune = 'x' + 1
	var b byte = 'A' + 2
	fmt.Println(i, r, string(r), b, string(b))

	const s = "const" + "ant"
	const l = len(s)
	var arr [l]int
	fmt.Println(s, l, len(arr))

	x := 10
	fmt.Println(x/4, x/4.0 == 2, float64(x)/4)
	y := 1 << 3.0
	fmt.Printf("%v %T\n", y, y)
	d := 'a' * 2.0
	fmt.Printf("%v %T\n", d, d)
	z := 2.0 * 3
	fmt.Printf("%v %T\n", z, z)

	const typed int64 = 1 << 40
	fmt.Println(typed/1024, math.MaxUint32+1, uint64(math.MaxUint64))
	fmt.Println(0x10+010+0b10+0o10, 1_000_000, 'a'-'A', 1e3)
}
