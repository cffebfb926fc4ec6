package main

import (
	"fmt"
	"strings"
)

func logLine(level string, parts ...any) {
	fmt.Println(level, len(parts), parts)
}

func sum(label string, ns ...int) {
	total := 0
	for _, n := range ns {
		total += n
	}
	fmt.Println(label, total)
}

func main() {
	fields := []any{"user", 42}
	words := []string{"alpha", "beta"}
	nums := []int{1, 2, 3}
	func() {
		defer fmt.Println(fields...)
		defer logLine("INFO", fields...)
		defer sum("total", nums...)
		defer fmt.Println(strings.Join(words, "+"))
		defer fmt.Println(append([]string{"first"}, words...))
		fields[0] = "admin"
		nums[2] = 30
	}()
	for i := 0; i < 2; i++ {
		defer sum(fmt.Sprint("round ", i), nums[:i+1]...)
	}
}
