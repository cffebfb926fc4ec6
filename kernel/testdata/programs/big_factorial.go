package main

import (
	"fmt"
	"math/big"
)

func factorial(n int64) *big.Int {
	result := big.NewInt(1)
	for i := int64(2); i <= n; i++ {
		result.Mul(result, big.NewInt(i))
	}
	return result
}

func fib(n int) *big.Int {
	a, b := big.NewInt(0), big.NewInt(1)
	for i := 0; i < n; i++ {
		a.Add(a, b)
		a, b = b, a
	}
	return a
}

func main() {
	f := factorial(30)
	fmt.Println(f)
	fmt.Println(f.String(), len(factorial(100).String()))
	fmt.Println(fib(100))

	x, ok := new(big.Int).SetString("123456789012345678901234567890", 10)
	fmt.Println(x, ok)
	y := new(big.Int).Exp(big.NewInt(2), big.NewInt(100), nil)
	fmt.Println(y, y.BitLen())
	q, r := new(big.Int).QuoRem(y, x, new(big.Int))
	fmt.Println(q, r)
	fmt.Println(x.Cmp(y), y.Cmp(x), x.Sign(), new(big.Int).Neg(x))
	fmt.Println(new(big.Int).GCD(nil, nil, big.NewInt(84), big.NewInt(36)))
	fmt.Println(big.NewInt(97).ProbablyPrime(10), big.NewInt(91).ProbablyPrime(10))
	fmt.Printf("%x %s %d\n", y, y.Text(36), big.NewInt(-5))

	half := big.NewRat(1, 2)
	third := big.NewRat(1, 3)
	sum := new(big.Rat).Add(half, third)
	fmt.Println(sum, sum.FloatString(5))
	_, ok = new(big.Int).SetString("12ab", 10)
	fmt.Println(ok)
	fl := new(big.Float).SetPrec(100).Quo(big.NewFloat(1), big.NewFloat(3))
	fmt.Println(fl.Text('g', 20))
}
