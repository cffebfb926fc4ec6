package main

import (
	"fmt"
	"sort"
)

// Converting a value to any explicitly keeps its type, as storing it in an
// any variable does.

type Level int

func (l Level) String() string { return [...]string{"low", "mid", "high"}[l] }

type Reading struct {
	Sensor string
	Value  float64
}

func (r Reading) String() string { return fmt.Sprintf("%s=%.1f", r.Sensor, r.Value) }

func main() {
	l := Level(2)
	items := []any{any(l), interface{}(Reading{"t1", 20.5}), any(3)}
	for _, it := range items {
		fmt.Printf("%T %v\n", it, it)
	}
	byType := map[string]int{}
	for _, it := range items {
		byType[fmt.Sprintf("%T", it)]++
	}
	keys := make([]string, 0, len(byType))
	for k := range byType {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	fmt.Println(keys)
	if s, ok := any(l).(fmt.Stringer); ok {
		fmt.Println("stringer:", s.String())
	}
	switch v := any(Reading{"t2", 1}).(type) {
	case Reading:
		fmt.Println("reading from", v.Sensor)
	default:
		fmt.Println("unknown")
	}
}
