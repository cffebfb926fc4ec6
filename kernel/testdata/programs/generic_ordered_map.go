package main

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

type OrderedMap[K cmp.Ordered, V any] struct {
	keys []K
	vals map[K]V
}

func NewOrderedMap[K cmp.Ordered, V any]() *OrderedMap[K, V] {
	return &OrderedMap[K, V]{vals: map[K]V{}}
}

func (m *OrderedMap[K, V]) Set(k K, v V) {
	if _, ok := m.vals[k]; !ok {
		i, _ := slices.BinarySearch(m.keys, k)
		m.keys = slices.Insert(m.keys, i, k)
	}
	m.vals[k] = v
}

func (m *OrderedMap[K, V]) Get(k K) (V, bool) {
	v, ok := m.vals[k]
	return v, ok
}

func (m *OrderedMap[K, V]) Each(f func(K, V)) {
	for _, k := range m.keys {
		f(k, m.vals[k])
	}
}

func (m *OrderedMap[K, V]) String() string {
	var parts []string
	m.Each(func(k K, v V) { parts = append(parts, fmt.Sprintf("%v=%v", k, v)) })
	return "{" + strings.Join(parts, ", ") + "}"
}

func main() {
	m := NewOrderedMap[string, int]()
	for i, w := range strings.Fields("pear apple fig apple kiwi") {
		m.Set(w, i)
	}
	fmt.Println(m)
	v, ok := m.Get("apple")
	fmt.Println(v, ok)
	_, ok = m.Get("plum")
	fmt.Println(ok, len(m.keys))
	n := NewOrderedMap[float64, []string]()
	n.Set(2.5, []string{"b"})
	n.Set(-1, nil)
	fmt.Println(n)
}
