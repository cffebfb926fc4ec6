package main

import "fmt"

type State int

const (
	Idle State = iota
	Running
	Stopped
)

func (s State) String() string { return [...]string{"Idle", "Running", "Stopped"}[s] }

func main() {
	fmt.Println(Idle, Running, Stopped)
	states := []State{Stopped, Idle}
	fmt.Println(states)
	fmt.Printf("%v %d %s\n", Running, Running, Running)
}
