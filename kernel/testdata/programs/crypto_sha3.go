package main

import (
	"crypto/sha3"
	"fmt"
)

// crypto/sha3 is new in Go 1.24.
func main() {
	sum := sha3.Sum256([]byte("nnbook"))
	fmt.Printf("%x\n", sum[:8])
	h := sha3.New512()
	h.Write([]byte("nn"))
	h.Write([]byte("book"))
	fmt.Println(len(h.Sum(nil)))
}
