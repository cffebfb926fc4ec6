package main

import (
	"fmt"
	"slices"
)

type State int

const (
	Idle State = iota
	Running
	Paused
	Stopped
)

var names = [...]string{"Idle", "Running", "Paused", "Stopped"}

func (s State) String() string {
	if int(s) < len(names) {
		return names[s]
	}
	return fmt.Sprintf("State(%d)", int(s))
}

var transitions = map[State][]State{
	Idle:    {Running},
	Running: {Paused, Stopped},
	Paused:  {Running, Stopped},
}

type Machine struct {
	state   State
	history []State
}

func (m *Machine) To(next State) error {
	if !slices.Contains(transitions[m.state], next) {
		return fmt.Errorf("cannot go from %v to %v", m.state, next)
	}
	m.history = append(m.history, m.state)
	m.state = next
	return nil
}

func main() {
	m := &Machine{}
	for _, next := range []State{Running, Paused, Idle, Running, Stopped, Running} {
		if err := m.To(next); err != nil {
			fmt.Println("error:", err)
			continue
		}
		fmt.Println("now", m.state)
	}
	fmt.Println(m.history, State(7))
	fmt.Printf("%v %d %s %q\n", m.state, m.state, m.state, m.state)
	counts := map[State]int{}
	for _, s := range m.history {
		counts[s]++
	}
	fmt.Println(counts)
}
