package main

import (
	"fmt"
	"sort"
	"strings"
)

type Logger struct {
	prefix string
	lines  []string
}

func (l *Logger) Log(s string) { l.lines = append(l.lines, l.prefix+s) }

type Button struct {
	label   string
	onClick func(string)
}

func (b Button) Click() { b.onClick(b.label) }

type Counter map[string]int

func (c Counter) Add(s string) { c[s]++ }

func apply(items []string, fns ...func(string)) {
	for _, it := range items {
		for _, f := range fns {
			f(it)
		}
	}
}

func main() {
	log := &Logger{prefix: "> "}
	counts := Counter{}
	buttons := []Button{{"ok", log.Log}, {"cancel", log.Log}, {"ok", counts.Add}}
	for _, b := range buttons {
		b.Click()
	}
	apply([]string{"x", "y", "x"}, log.Log, counts.Add)
	fmt.Println(strings.Join(log.lines, "|"))
	keys := make([]string, 0)
	for k := range counts {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Print(k, "=", counts[k], " ")
	}
	fmt.Println()
	upper := strings.ToUpper
	transforms := map[string]func(string) string{"up": upper, "trim": strings.TrimSpace, "rep": func(s string) string { return strings.Repeat(s, 2) }}
	for _, name := range []string{"rep", "trim", "up"} {
		fmt.Printf("%s(%q) = %q\n", name, " go ", transforms[name](" go "))
	}
	var f func(string)
	fmt.Println(f == nil)
	f = log.Log
	f("late")
	fmt.Println(len(log.lines), log.lines[len(log.lines)-1])
}
