package main

import (
	"fmt"
	"regexp"
	"strings"
)

var logLine = regexp.MustCompile(`^(?P<date>\d{4}-\d{2}-\d{2}) (?P<level>[A-Z]+) (?P<msg>.*)$`)
var emailRe = regexp.MustCompile(`[a-z0-9._]+@[a-z0-9.]+\.[a-z]{2,}`)

func main() {
	lines := []string{
		"2024-01-05 INFO server started",
		"2024-01-05 WARN disk at 91%",
		"garbage line",
		"2024-01-06 ERROR lost connection to db-2",
	}
	levels := map[string]int{}
	for _, l := range lines {
		m := logLine.FindStringSubmatch(l)
		if m == nil {
			fmt.Printf("skip %q\n", l)
			continue
		}
		level := m[logLine.SubexpIndex("level")]
		levels[level]++
		fmt.Printf("%s [%-5s] %s\n", m[1], level, m[3])
	}
	fmt.Println(levels, logLine.SubexpNames())

	text := "Contact ann.lee@example.com or bob_99@mail.co.uk, not @nobody."
	fmt.Println(emailRe.FindAllString(text, -1))
	fmt.Println(emailRe.FindStringIndex(text))
	fmt.Println(emailRe.ReplaceAllStringFunc(text, strings.ToUpper))

	digits := regexp.MustCompile(`\d+`)
	fmt.Println(digits.ReplaceAllString("a1b22c333", "<$0>"))
	fmt.Println(digits.Split("a1b22c333d", -1))
	fmt.Println(digits.MatchString("abc"), digits.FindString("abc") == "")

	swap := regexp.MustCompile(`(\w+)=(\w+)`)
	fmt.Println(swap.ReplaceAllString("x=1 y=2", "${2}=${1}"))

	_, err := regexp.Compile(`a(b`)
	fmt.Println(err)
}
