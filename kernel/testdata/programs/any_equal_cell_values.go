package main

import "fmt"

// Values of types with methods compare equal when held in an any, as Go
// compares interface values: same dynamic type and equal values.

type State int

const (
	Idle State = iota
	Running
	Done
)

func (s State) String() string { return [...]string{"idle", "running", "done"}[s] }

type Celsius float64

func (c Celsius) String() string { return fmt.Sprintf("%.1f°C", float64(c)) }

func same(a, b any) bool { return a == b }

func main() {
	var s any = Running
	fmt.Println(s == Running, s == Done, s != Idle, s == 1)
	fmt.Println(same(Done, Done), same(Done, Idle), same(Celsius(1), Celsius(1)), same(Celsius(1), Celsius(2)))
	history := []any{Idle, Running, Done, Running}
	count := 0
	for _, h := range history {
		if h == Running {
			count++
		}
	}
	fmt.Println("running", count, "times")
	var t any = Celsius(20)
	var u any = Celsius(20)
	fmt.Println(t == u, t == Celsius(21), t != nil)
}
