package main

import "fmt"

// Comma-ok type assertions tell apart cell types that share an underlying
// type when they have methods.

type Meters float64

func (m Meters) String() string { return fmt.Sprintf("%gm", float64(m)) }

type Feet float64

func (f Feet) String() string { return fmt.Sprintf("%gft", float64(f)) }

type Shape interface{ Area() float64 }

type Rect struct{ W, H float64 }

func (r Rect) Area() float64 { return r.W * r.H }

type Frame struct{ W, H float64 }

func (f *Frame) Area() float64 { return f.W * f.H }

func toMeters(v any) (Meters, bool) {
	if m, ok := v.(Meters); ok {
		return m, true
	}
	if f, ok := v.(Feet); ok {
		return Meters(float64(f) * 0.3048), true
	}
	return 0, false
}

func main() {
	for _, v := range []any{Meters(2), Feet(10), "x"} {
		m, ok := toMeters(v)
		fmt.Println(m, ok)
	}
	var s Shape = Rect{2, 3}
	r, isRect := s.(Rect)
	fr, isFrame := s.(*Frame)
	fmt.Println(r, isRect, fr, isFrame)
	s = &Frame{1, 2}
	r, isRect = s.(Rect)
	fr, isFrame = s.(*Frame)
	fmt.Println(r, isRect, *fr, isFrame)
	var nothing any
	_, ok := nothing.(Meters)
	fmt.Println(ok)
}
