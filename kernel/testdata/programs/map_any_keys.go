package main

import (
	"fmt"
	"sort"
)

// A map with keys of type any finds a key of a cell type however the key
// value was made: in the literal, by assignment, from a variable.

type State int

const (
	Idle State = iota
	Running
	Done
)

type Pos struct{ X, Y int }

func main() {
	seen := map[any]bool{Idle: true, Pos{0, 0}: true}
	seen[Running] = true
	var k any = Pos{0, 0}
	fmt.Println(seen[Idle], seen[Running], seen[Done], seen[k], seen[Pos{1, 1}], len(seen))
	delete(seen, Idle)
	_, ok := seen[Idle]
	fmt.Println(ok, len(seen))

	counts := map[any]int{}
	for _, s := range []State{Idle, Running, Running, Done, Running} {
		counts[s]++
	}
	var states []int
	for s := range counts {
		states = append(states, int(s.(State)))
	}
	sort.Ints(states)
	fmt.Println(states, counts[Running])
}
