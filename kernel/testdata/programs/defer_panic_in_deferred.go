package main

import "fmt"

type store struct {
	open int // transactions begun and not yet ended
	data map[string]int
}

func (s *store) begin() { s.open++ }
func (s *store) end()   { s.open-- }

// set replaces a key; its deferred check panics on a negative value, after
// which Go still runs the earlier deferred calls, and report recovers that
// panic.
func (s *store) set(k string, v int) {
	s.begin()
	defer s.end()
	defer fmt.Println("set", k, "done")
	defer func() {
		if v < 0 {
			panic(fmt.Sprintf("negative value for %s: %d", k, v))
		}
	}()
	s.data[k] = v
}

func report() {
	if r := recover(); r != nil {
		fmt.Println("recovered:", r)
	}
}

func main() {
	s := &store{data: map[string]int{}}
	func() {
		defer report()
		s.set("a", 1)
		s.set("b", -2)
	}()
	fmt.Println("open transactions:", s.open, "data:", s.data)
}
