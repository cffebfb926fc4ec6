package main

import (
	"bytes"
	"fmt"
	"io"
	"strings"
)

func main() {
	var buf bytes.Buffer
	buf.WriteString("hello ")
	buf.Write([]byte("world"))
	fmt.Println(buf.String(), buf.Len())
	n, _ := io.Copy(&buf, strings.NewReader("!"))
	fmt.Println(n, buf.String())
	fmt.Println(bytes.Contains([]byte("abc"), []byte("b")), bytes.ToUpper([]byte("x")))
}
