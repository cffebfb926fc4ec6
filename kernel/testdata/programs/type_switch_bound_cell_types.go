package main

import "fmt"

// A type switch with a bound variable over values held as any: values of
// cell types with methods match their own case, and not the case of their
// underlying type nor of another type of the same fields.

type Shape interface{ Area() float64 }

type Square struct{ Side float64 }

func (s Square) Area() float64 { return s.Side * s.Side }

type Circle struct{ R float64 }

func (c *Circle) Area() float64 { return 3 * c.R * c.R }

type Temp float64

func (t Temp) String() string { return fmt.Sprintf("%.1f°C", float64(t)) }

type Box struct{ Side float64 }

func describe(v any) string {
	switch x := v.(type) {
	case float64:
		return fmt.Sprint("number ", x)
	case Box:
		return fmt.Sprint("box ", x.Side)
	case Square:
		return fmt.Sprint("square of side ", x.Side, ", area ", x.Area())
	case *Circle:
		return fmt.Sprint("circle of radius ", x.R)
	case Temp:
		return "temperature " + x.String()
	case fmt.Stringer:
		return "stringer " + x.String()
	case nil:
		return "nothing"
	default:
		return fmt.Sprintf("something else: %v", x)
	}
}

func area(s Shape) string {
	switch x := s.(type) {
	case Square:
		return fmt.Sprint("square ", x.Area())
	case *Circle:
		return fmt.Sprint("circle ", x.Area())
	}
	return "unknown"
}

func main() {
	values := []any{Square{2}, &Circle{1}, Temp(21.5), 2.5, Box{3}, "text", nil}
	for _, v := range values {
		fmt.Println(describe(v))
	}
	shapes := map[string]any{"a": Square{3}, "b": 1.5}
	for _, k := range []string{"a", "b"} {
		switch s := shapes[k].(type) {
		case Square:
			fmt.Println(k, "is a square", s.Side)
		default:
			fmt.Println(k, "is", s)
		}
	}
	fmt.Println(area(Square{1}), area(&Circle{2}))
}
