package main

import (
	"errors"
	"fmt"
	"strconv"
)

func parseAge(s string) (int, error) {
	n, err := strconv.ParseInt(s, 10, 8)
	if err != nil {
		var ne *strconv.NumError
		if errors.As(err, &ne) {
			return 0, fmt.Errorf("age %q: %w", ne.Num, ne.Err)
		}
		return 0, err
	}
	return int(n), nil
}

func main() {
	for _, s := range []string{"42", "300", "-12", "4x", ""} {
		n, err := parseAge(s)
		switch {
		case errors.Is(err, strconv.ErrRange):
			fmt.Println("out of range:", err)
		case errors.Is(err, strconv.ErrSyntax):
			fmt.Println("not a number:", err)
		default:
			fmt.Println("ok", n)
		}
	}

	_, err := strconv.Atoi("12.5")
	fmt.Println(err)
	_, err = strconv.ParseUint("-1", 10, 64)
	fmt.Println(err)
	_, err = strconv.ParseFloat("1e400", 64)
	fmt.Println(err)
	_, err = strconv.ParseBool("yes")
	fmt.Println(err)

	for _, s := range []string{"0x1F", "0b101", "0o17", "017", "1_000"} {
		n, err := strconv.ParseInt(s, 0, 64)
		fmt.Println(s, n, err)
	}
	n, _ := strconv.ParseInt("-ff", 16, 32)
	fmt.Println(n)
	u, err := strconv.ParseUint("255", 10, 8)
	fmt.Println(u, err)
	u, err = strconv.ParseUint("256", 10, 8)
	fmt.Println(u, err)

	q, err := strconv.Unquote(`"tab\there"`)
	fmt.Printf("%q %v\n", q, err)
	_, err = strconv.Unquote("no quotes")
	fmt.Println(err)
	fmt.Println(strconv.QuoteRune('☺'), strconv.QuoteToASCII("héllo"), strconv.FormatFloat(3.14159, 'f', 2, 64))
	fmt.Println(strconv.AppendInt([]byte("n="), -7, 10), string(strconv.AppendBool(nil, false)))
}
