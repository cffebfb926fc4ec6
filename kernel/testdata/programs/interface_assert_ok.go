package main

import (
	"fmt"
	"io"
	"strings"
)

type Speaker interface{ Speak() string }

type Dog struct{ Name string }
type Robot struct{ Model int }

func (d Dog) Speak() string    { return d.Name + ": woof" }
func (r *Robot) Speak() string { return fmt.Sprintf("RX-%d: beep", r.Model) }
func (r *Robot) Charge() int   { return r.Model * 10 }

type Charger interface{ Charge() int }

func describe(v any) string {
	if s, ok := v.(Speaker); ok {
		return "speaker " + s.Speak()
	}
	if n, ok := v.(int); ok {
		return fmt.Sprint("int doubled ", n*2)
	}
	if _, ok := v.(fmt.Stringer); ok {
		return "stringer"
	}
	return fmt.Sprintf("other %T", v)
}

func main() {
	things := []any{Dog{"rex"}, &Robot{7}, Robot{8}, 21, "text", nil, 2.5, []int{1}, strings.NewReader("x")}
	for _, t := range things {
		fmt.Println(describe(t))
	}

	var s Speaker = &Robot{3}
	if c, ok := s.(Charger); ok {
		fmt.Println("charge", c.Charge())
	}
	_, isDog := s.(Dog)
	fmt.Println(isDog)

	var r io.Reader = strings.NewReader("hello")
	_, isWriter := r.(io.Writer)
	_, isSeeker := r.(io.Seeker)
	fmt.Println(isWriter, isSeeker)

	var empty any
	v, ok := empty.(string)
	fmt.Printf("%q %v\n", v, ok)
	var sp Speaker
	fmt.Println(sp == nil, empty == nil)

	values := map[string]any{"n": 1, "f": 1.5, "s": "x", "b": true, "l": []string{"a"}}
	for _, k := range []string{"b", "f", "l", "n", "s", "missing"} {
		switch x := values[k].(type) {
		case int, float64:
			fmt.Printf("%s number %v\n", k, x)
		case string:
			fmt.Printf("%s string %d\n", k, len(x))
		case bool:
			fmt.Printf("%s bool %t\n", k, !x)
		case nil:
			fmt.Printf("%s nil\n", k)
		default:
			fmt.Printf("%s %T\n", k, x)
		}
	}
	fmt.Println(any(1) == any(1), any(1) == any(1.0), any("a") == any("a"), any(Dog{"a"}) == any(Dog{"a"}))
}
