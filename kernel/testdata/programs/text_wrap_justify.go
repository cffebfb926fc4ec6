package main

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

func wrap(text string, width int) []string {
	var lines []string
	var line []string
	n := 0
	for _, w := range strings.Fields(text) {
		l := utf8.RuneCountInString(w)
		if n > 0 && n+1+l > width {
			lines = append(lines, strings.Join(line, " "))
			line, n = nil, 0
		}
		if n > 0 {
			n++
		}
		line = append(line, w)
		n += l
	}
	if len(line) > 0 {
		lines = append(lines, strings.Join(line, " "))
	}
	return lines
}

func justify(line string, width int) string {
	words := strings.Fields(line)
	if len(words) < 2 {
		return line
	}
	gaps := len(words) - 1
	spaces := width - utf8.RuneCountInString(strings.Join(words, ""))
	var b strings.Builder
	for i, w := range words {
		b.WriteString(w)
		if i < gaps {
			n := spaces / gaps
			if i < spaces%gaps {
				n++
			}
			b.WriteString(strings.Repeat(" ", n))
		}
	}
	return b.String()
}

const text = "Go is an open source programming language that makes it simple to build secure, scalable systems. Ünïcödé wörds count as runes."

func main() {
	for _, width := range []int{30, 20} {
		lines := wrap(text, width)
		for i, l := range lines {
			if i < len(lines)-1 {
				l = justify(l, width)
			}
			fmt.Printf("|%-*s|\n", width, l)
		}
		fmt.Println(len(lines))
	}
}
