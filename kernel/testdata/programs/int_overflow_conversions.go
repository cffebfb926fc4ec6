package main

import (
	"fmt"
	"math"
)

func main() {
	var i8 int8 = 127
	i8++
	fmt.Println(i8)
	var u8 uint8 = 0
	u8--
	fmt.Println(u8)
	var u uint = 3
	fmt.Println(u-5 > 0, u-5 == math.MaxUint)
	x := math.MaxInt64
	x++
	fmt.Println(x == math.MinInt64)
	var i32 int32 = math.MaxInt32
	fmt.Println(i32*2, i32+i32, -i32-2)
	var m int8 = -128
	fmt.Println(-m, m/-1, m*-1)

	big := 300
	fmt.Println(uint8(big), int8(big), byte(big>>1))
	neg := -1
	fmt.Println(uint8(neg), uint16(neg), uint32(neg))
	wide := int64(1)<<33 + 7
	fmt.Println(int16(wide), int32(wide))

	f := 3.99
	fmt.Println(int(f), int(-f), int64(2.5e9), uint8(f*10))
	g := 1e20
	fmt.Println(float32(g), float32(0.1), float64(float32(0.1)))
	fmt.Println(int(math.Round(2.5)), int(math.Round(-2.5)))

	r := rune(0x4E16)
	fmt.Println(string(r), string(rune(65)), fmt.Sprint(65))
	bs := []byte("héllo")
	fmt.Println(len(bs), string(bs[1:3]), rune(bs[1]))

	var total uint16
	for i := 0; i < 1000; i++ {
		total += 100
	}
	fmt.Println(total)
	h := uint32(2166136261)
	for _, c := range []byte("ab") {
		h ^= uint32(c)
		h *= 16777619
	}
	fmt.Println(h)
	a, b := 7, -2
	fmt.Println(a/b, a%b, -a/b, -a%b, a>>1, -a>>1)
}
