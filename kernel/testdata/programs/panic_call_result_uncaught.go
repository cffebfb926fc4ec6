package main

import (
	"fmt"
	"strings"
)

func main() {
	records := []string{"ada=1815", "grace=1906", "alan"}
	for _, r := range records {
		year := strings.Split(r, "=")[1]
		fmt.Println(strings.Split(r, "=")[0], "born", year)
	}
	fmt.Println("not reached")
}
