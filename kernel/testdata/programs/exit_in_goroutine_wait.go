package main

import (
	"fmt"
	"os"
)

func run() error {
	return fmt.Errorf("bad input %q", "x")
}

func main() {
	if err := run(); err != nil {
		fmt.Println("error:", err)
		os.Exit(1)
	}
	fmt.Println("ok")
}
