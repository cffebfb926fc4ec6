package main

import (
	"fmt"
	"math/bits"
)

type Perm uint8

const (
	Read Perm = 1 << iota
	Write
	Exec
)

func isPowerOfTwo(n uint) bool { return n != 0 && n&(n-1) == 0 }

func main() {
	var x uint32 = 0b1011_0000
	fmt.Println(bits.OnesCount32(x), bits.LeadingZeros32(x), bits.TrailingZeros32(x), bits.Len32(x))
	fmt.Printf("%032b\n", bits.Reverse32(x))
	fmt.Printf("%08b %08b\n", bits.RotateLeft8(0b1001_0001, 1), bits.RotateLeft8(0b1001_0001, -1))
	fmt.Printf("%#x\n", bits.ReverseBytes32(0x11223344))

	sum, carry := bits.Add64(1<<63, 1<<63, 0)
	fmt.Println(sum, carry)
	hi, lo := bits.Mul64(1<<40, 1<<40)
	fmt.Println(hi, lo)

	for _, n := range []uint{0, 1, 6, 8, 1024, 1023} {
		fmt.Print(isPowerOfTwo(n), " ")
	}
	fmt.Println()

	p := Read | Exec
	fmt.Printf("%03b %v %v\n", p, p&Write != 0, p&Exec != 0)
	p |= Write
	p &^= Read
	fmt.Printf("%03b\n", p)
	p ^= Exec
	fmt.Printf("%03b\n", p)

	a, b := 12, 10
	fmt.Println(a&b, a|b, a^b, a&^b, a<<2, a>>1, ^a)
	var u8 uint8 = 0xF0
	fmt.Println(^u8, u8>>4, u8<<1)
	n := -16
	fmt.Println(n>>2, n<<1, uint8(n))

	a, b = a^b, a
	fmt.Println(a, b)
	mask := 0
	for _, i := range []int{0, 3, 5} {
		mask |= 1 << i
	}
	fmt.Printf("%b %d\n", mask, bits.OnesCount(uint(mask)))
	for i := 0; i < 8; i++ {
		if mask&(1<<i) != 0 {
			fmt.Print(i, " ")
		}
	}
	fmt.Println()
}
