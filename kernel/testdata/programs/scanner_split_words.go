package main

import (
	"bufio"
	"bytes"
	"fmt"
	"sort"
	"strings"
	"unicode"
)

const poem = `It was the best of times, it was the worst of times,
it was the age of wisdom, it was the age of foolishness...
`

func main() {
	sc := bufio.NewScanner(strings.NewReader(poem))
	sc.Split(bufio.ScanWords)
	counts := map[string]int{}
	words := 0
	for sc.Scan() {
		w := strings.ToLower(strings.TrimFunc(sc.Text(), unicode.IsPunct))
		counts[w]++
		words++
	}
	type wc struct {
		word string
		n    int
	}
	var list []wc
	for w, n := range counts {
		list = append(list, wc{w, n})
	}
	sort.Slice(list, func(i, j int) bool {
		if list[i].n != list[j].n {
			return list[i].n > list[j].n
		}
		return list[i].word < list[j].word
	})
	fmt.Println("words:", words, "distinct:", len(list))
	for _, e := range list[:5] {
		fmt.Printf("%-6s %s\n", e.word, strings.Repeat("*", e.n))
	}

	rs := bufio.NewScanner(strings.NewReader("héy"))
	rs.Split(bufio.ScanRunes)
	var runes []string
	for rs.Scan() {
		runes = append(runes, rs.Text())
	}
	fmt.Printf("%q\n", runes)

	commaSplit := func(data []byte, atEOF bool) (int, []byte, error) {
		if i := bytes.IndexByte(data, ','); i >= 0 {
			return i + 1, bytes.TrimSpace(data[:i]), nil
		}
		if atEOF && len(data) > 0 {
			return len(data), bytes.TrimSpace(data), nil
		}
		return 0, nil, nil
	}
	cs := bufio.NewScanner(strings.NewReader("red, green ,blue,, yellow"))
	cs.Split(commaSplit)
	n := 0
	for cs.Scan() {
		n++
		fmt.Printf("%d:%q ", n, cs.Text())
	}
	fmt.Println(cs.Err())

	long := bufio.NewScanner(strings.NewReader(strings.Repeat("x", 100) + "\nshort\n"))
	long.Buffer(make([]byte, 10), 50)
	for long.Scan() {
		fmt.Println("line", long.Text())
	}
	fmt.Println("err:", long.Err())
}
