package main

import (
	"fmt"
	"io"
	"strings"
)

type Shape interface {
	Area() float64
}

type Scaler interface {
	Scale(f float64) Shape
}

type Square struct{ Side float64 }
type Circle struct{ R float64 }

func (s Square) Area() float64  { return s.Side * s.Side }
func (c *Circle) Area() float64 { return 3 * c.R * c.R }

type Label string

func (l Label) String() string { return "label:" + string(l) }

func classify(v any) string {
	if s, ok := v.(Shape); ok {
		return fmt.Sprintf("shape with area %.1f", s.Area())
	}
	if st, ok := v.(fmt.Stringer); ok {
		return "stringer " + st.String()
	}
	if r, ok := v.(io.Reader); ok {
		b, _ := io.ReadAll(r)
		return "reader of " + string(b)
	}
	return fmt.Sprintf("plain %v", v)
}

func main() {
	values := []any{3.5, Square{2}, nil, &Circle{1}, Label("x"), strings.NewReader("abc"), 7, Square{3}, nil}
	for _, v := range values {
		fmt.Println(classify(v))
	}
	shapes := 0
	for _, v := range values {
		var s Shape
		var ok bool
		s, ok = v.(Shape)
		if ok && s != nil {
			shapes++
		}
	}
	fmt.Println("shapes:", shapes)
	var nothing any
	r, ok := nothing.(io.Reader)
	fmt.Println(r == nil, ok)
	var noShape Shape
	sc, ok := noShape.(Scaler)
	fmt.Println(sc == nil, ok)
	st, ok := noShape.(fmt.Stringer)
	fmt.Println(st == nil, ok)
}
