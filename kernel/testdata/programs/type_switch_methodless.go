package main

import "fmt"

// Type switches over values of named types without methods held in an any.

type Celsius float64

type Fahrenheit float64

type Point struct{ X, Y int }

type Size struct{ X, Y int }

func convert(v any) string {
	switch t := v.(type) {
	case Celsius:
		return fmt.Sprintf("%.1f°C", float64(t))
	case Fahrenheit:
		return fmt.Sprintf("%.1f°C", (float64(t)-32)*5/9)
	case float64:
		return fmt.Sprintf("%.1f (no unit)", t)
	default:
		return fmt.Sprintf("not a temperature: %v", t)
	}
}

func kind(v any) string {
	switch v.(type) {
	case Point:
		return "point"
	case Size:
		return "size"
	case struct{ X, Y int }:
		return "anonymous"
	}
	return "other"
}

func main() {
	for _, v := range []any{Celsius(20), Fahrenheit(212), 36.6, "hot"} {
		fmt.Println(convert(v))
	}
	fmt.Println(kind(Point{1, 2}), kind(Size{3, 4}), kind(struct{ X, Y int }{5, 6}))
	var x any = Fahrenheit(50)
	if c, ok := x.(Celsius); ok {
		fmt.Println("celsius", c)
	} else {
		fmt.Println("not celsius")
	}
}
