package main

import (
	"fmt"
	"strings"
	"unicode"
)

func main() {
	s := "  The Go Programming Language, 2nd ed.  "
	t := strings.TrimSpace(s)
	fmt.Printf("%q\n", t)
	fmt.Println(strings.Fields(t), len(strings.Fields(t)))
	fmt.Printf("%q\n", strings.Split("a,b,,c", ","))
	fmt.Printf("%q\n", strings.SplitN("a,b,,c", ",", 2))
	fmt.Printf("%q\n", strings.SplitAfter("a,b,c", ","))
	fmt.Println(strings.Contains(t, "Go"), strings.ContainsAny(t, "xyz"), strings.HasPrefix(t, "The"), strings.HasSuffix(t, "."))
	fmt.Println(strings.Index(t, "o"), strings.LastIndex(t, "o"), strings.IndexByte(t, 'G'), strings.IndexRune("chicken", 'k'), strings.Index(t, "zzz"))
	fmt.Println(strings.Count("cheese", "e"), strings.Count("five", ""))
	fmt.Println(strings.Replace("oink oink oink", "k", "ky", 2), strings.ReplaceAll("oink oink", "oink", "moo"))
	fmt.Println(strings.ToUpper("hello"), strings.ToLower("HeLLo"), strings.EqualFold("Go", "GO"))
	fmt.Println(strings.Repeat("ab", 3) + "|" + strings.Repeat("-", 0) + "|")
	fmt.Println(strings.Trim("xxhixx", "x"), strings.TrimLeft("xxhixx", "x"), strings.TrimPrefix("prefix-body", "prefix-"), strings.TrimSuffix("file.go", ".go"))
	fmt.Println(strings.TrimFunc("123abc456", unicode.IsDigit))
	before, after, found := strings.Cut("key=value=more", "=")
	fmt.Println(before, after, found)
	fmt.Println(strings.Title("hello world"), strings.Map(func(r rune) rune {
		if unicode.IsPunct(r) {
			return -1
		}
		return r
	}, "a.b,c!d"))
	r := strings.NewReplacer("<", "&lt;", ">", "&gt;", "&", "&amp;")
	fmt.Println(r.Replace("<a href=\"x&y\">"))
	fmt.Println(strings.Compare("a", "b"), strings.Compare("b", "a"), "apple" < "banana", "Z" < "a")
	fmt.Println(strings.Join([]string{"x", "y", "z"}, "/"), strings.FieldsFunc("a1b2c3", unicode.IsDigit))
	padded := fmt.Sprintf("[%-8s][%8s][%.3s]", "left", "right", "truncate")
	fmt.Println(padded)
	fmt.Println(strings.ContainsFunc("abc1", unicode.IsDigit), strings.IndexFunc("abc1", unicode.IsDigit), strings.ToTitle("ǆx"))
	lines := strings.Split(strings.TrimSpace("one\ntwo\nthree\n"), "\n")
	for i, l := range lines {
		fmt.Printf("%d:%s ", i+1, l)
	}
	fmt.Println()
}
