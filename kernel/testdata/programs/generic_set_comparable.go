package main

import (
	"fmt"
	"slices"
	"sort"
)

type Set[T comparable] struct {
	m map[T]struct{}
}

func NewSet[T comparable](items ...T) *Set[T] {
	s := &Set[T]{m: make(map[T]struct{})}
	for _, it := range items {
		s.Add(it)
	}
	return s
}

func (s *Set[T]) Add(v T)      { s.m[v] = struct{}{} }
func (s *Set[T]) Has(v T) bool { _, ok := s.m[v]; return ok }
func (s *Set[T]) Len() int     { return len(s.m) }
func (s *Set[T]) Items() []T {
	out := make([]T, 0, len(s.m))
	for k := range s.m {
		out = append(out, k)
	}
	return out
}

func Intersect[T comparable](a, b *Set[T]) *Set[T] {
	out := NewSet[T]()
	for k := range a.m {
		if b.Has(k) {
			out.Add(k)
		}
	}
	return out
}

func Index[T comparable](xs []T, v T) int {
	for i, x := range xs {
		if x == v {
			return i
		}
	}
	return -1
}

type Point struct{ X, Y int }

func main() {
	a := NewSet(1, 2, 3, 4, 2)
	b := NewSet(3, 4, 5)
	both := Intersect(a, b).Items()
	sort.Ints(both)
	fmt.Println(a.Len(), b.Has(5), a.Has(5), both)

	ps := NewSet(Point{1, 2}, Point{1, 2}, Point{0, 0})
	fmt.Println(ps.Len(), ps.Has(Point{0, 0}), ps.Has(Point{2, 1}))
	pts := ps.Items()
	slices.SortFunc(pts, func(p, q Point) int { return p.X - q.X })
	fmt.Println(pts)

	words := NewSet[string]()
	for _, w := range []string{"go", "is", "fun", "go"} {
		words.Add(w)
	}
	fmt.Println(words.Len())
	fmt.Println(Index([]string{"a", "b", "c"}, "c"), Index([]Point{{1, 1}}, Point{2, 2}))
	var ifaces = []any{1, "x", Point{1, 1}}
	fmt.Println(Index(ifaces, any(Point{1, 1})), Index(ifaces, any("x")))
	arr := [2]string{"p", "q"}
	fmt.Println(Index([][2]string{{"a", "b"}, arr}, [2]string{"p", "q"}))
}
