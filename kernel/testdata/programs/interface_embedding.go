package main

import (
	"fmt"
	"io"
	"strings"
)

type upperReader struct{ r io.Reader }

func (u upperReader) Read(p []byte) (int, error) {
	n, err := u.r.Read(p)
	copy(p, strings.ToUpper(string(p[:n])))
	return n, err
}

func main() {
	b, _ := io.ReadAll(upperReader{strings.NewReader("shout")})
	fmt.Println(string(b))
	var rw io.ReadWriter
	fmt.Println(rw == nil)
}
