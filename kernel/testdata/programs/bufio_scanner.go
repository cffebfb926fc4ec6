package main

import (
	"bufio"
	"fmt"
	"strings"
)

func main() {
	sc := bufio.NewScanner(strings.NewReader("alpha 1\nbeta 2\ngamma 3\n"))
	total := 0
	for sc.Scan() {
		var name string
		var n int
		fmt.Sscanf(sc.Text(), "%s %d", &name, &n)
		total += n
		fmt.Println(name)
	}
	fmt.Println("total", total)
}
