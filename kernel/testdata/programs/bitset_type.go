package main

import (
	"fmt"
	"math/bits"
	"strings"
)

type BitSet []uint64

func (b *BitSet) Set(i int) {
	for len(*b) <= i/64 {
		*b = append(*b, 0)
	}
	(*b)[i/64] |= 1 << (i % 64)
}

func (b BitSet) Has(i int) bool {
	return i/64 < len(b) && b[i/64]&(1<<(i%64)) != 0
}

func (b BitSet) Count() (n int) {
	for _, w := range b {
		n += bits.OnesCount64(w)
	}
	return
}

func (b BitSet) String() string {
	var parts []string
	for i := 0; i < len(b)*64; i++ {
		if b.Has(i) {
			parts = append(parts, fmt.Sprint(i))
		}
	}
	return "{" + strings.Join(parts, " ") + "}"
}

func main() {
	var primes BitSet
	composite := BitSet{}
	for i := 2; i < 100; i++ {
		if composite.Has(i) {
			continue
		}
		primes.Set(i)
		for j := i * i; j < 100; j += i {
			composite.Set(j)
		}
	}
	fmt.Println(primes.Count(), len(primes), primes.Has(97), primes.Has(91))
	fmt.Println(primes)
	var small BitSet
	small.Set(130)
	fmt.Println(len(small), small, small.Count())
}
