package main

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"os"
	"strings"
)

type countingWriter struct {
	w     io.Writer
	bytes int
	lines int
}

func (c *countingWriter) Write(p []byte) (int, error) {
	c.bytes += len(p)
	c.lines += bytes.Count(p, []byte("\n"))
	return c.w.Write(p)
}

type upperReader struct{ r io.Reader }

func (u upperReader) Read(p []byte) (int, error) {
	n, err := u.r.Read(p)
	copy(p, bytes.ToUpper(p[:n]))
	return n, err
}

func main() {
	cw := &countingWriter{w: os.Stdout}
	fmt.Fprintln(cw, "hello")
	fmt.Fprintf(cw, "%d + %d = %d\n", 2, 3, 5)
	io.WriteString(cw, "no newline")
	fmt.Println()
	fmt.Println(cw.bytes, cw.lines)

	var buf bytes.Buffer
	n, err := io.Copy(&buf, upperReader{strings.NewReader("shout this\n")})
	fmt.Println(n, err, buf.String() == "SHOUT THIS\n")

	var a, b strings.Builder
	mw := io.MultiWriter(&a, &b)
	fmt.Fprint(mw, "twice")
	fmt.Println(a.String(), b.String())

	var log strings.Builder
	tee := io.TeeReader(strings.NewReader("data"), &log)
	all, _ := io.ReadAll(tee)
	fmt.Println(string(all), log.String())

	lr := io.LimitReader(strings.NewReader("0123456789"), 4)
	part, _ := io.ReadAll(lr)
	fmt.Println(string(part))

	r := bufio.NewReader(strings.NewReader("line one\nline two\nlast"))
	for {
		line, err := r.ReadString('\n')
		fmt.Printf("%q %v\n", line, err)
		if err == io.EOF {
			break
		}
	}

	w := bufio.NewWriter(os.Stdout)
	fmt.Fprintln(w, "buffered", w.Buffered())
	fmt.Println("before flush")
	w.Flush()

	sr := strings.NewReader("abc")
	p := make([]byte, 2)
	for {
		n, err := sr.Read(p)
		fmt.Println(n, string(p[:n]), err)
		if err != nil {
			break
		}
	}
	mr := io.MultiReader(strings.NewReader("one "), strings.NewReader("two"))
	both, _ := io.ReadAll(mr)
	fmt.Println(string(both))
}
