package main

import "fmt"

func main() {
	pt := struct{ X, Y int }{1, 2}
	fmt.Println(pt, pt.X)
	tests := []struct {
		in   string
		want int
	}{{"a", 1}, {"bb", 2}}
	for _, tc := range tests {
		fmt.Println(tc.in, len(tc.in) == tc.want)
	}
}
