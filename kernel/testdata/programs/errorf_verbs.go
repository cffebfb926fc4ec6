package main

import (
	"errors"
	"fmt"
	"os"
)

func main() {
	_, err := os.Open("/nonexistent/file.txt")
	fmt.Println(errors.Is(err, os.ErrNotExist))
	var pe *os.PathError
	fmt.Println(errors.As(err, &pe), pe.Op)
	wrapped := fmt.Errorf("load: %w", err)
	fmt.Println(errors.Is(wrapped, os.ErrNotExist))
}
