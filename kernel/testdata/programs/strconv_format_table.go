package main

import (
	"fmt"
	"strconv"
)

func main() {
	for _, f := range []float64{3.14159, 1e21, 0.000012, -2.5, 100} {
		fmt.Println(strconv.FormatFloat(f, 'f', -1, 64), strconv.FormatFloat(f, 'e', 3, 64),
			strconv.FormatFloat(f, 'g', -1, 64), strconv.FormatFloat(f, 'f', 2, 32))
	}
	for _, n := range []int64{0, 255, -255, 1 << 40} {
		fmt.Println(strconv.FormatInt(n, 2), strconv.FormatInt(n, 8), strconv.FormatInt(n, 16), strconv.FormatInt(n, 36))
	}
	fmt.Println(strconv.FormatUint(1<<64-1, 10), strconv.Itoa(-42))
	b := []byte("list:")
	for i, s := range []string{"a", "b\"c", "日本"} {
		if i > 0 {
			b = append(b, ',')
		}
		b = strconv.AppendQuote(b, s)
	}
	fmt.Println(string(b))
	fmt.Println(strconv.QuoteToGraphic("tab\there"), strconv.IsPrint('\u00a0'), strconv.CanBackquote("a`b"))
	v, err := strconv.ParseFloat("  1.5", 64)
	fmt.Println(v, err)
	i, err := strconv.ParseInt("7fffffffffffffff", 16, 64)
	fmt.Println(i, err)
	i, err = strconv.ParseInt("8000000000000000", 16, 64)
	fmt.Println(i, err)
	c, err := strconv.ParseComplex("1+2i", 128)
	fmt.Println(c, err)
}
