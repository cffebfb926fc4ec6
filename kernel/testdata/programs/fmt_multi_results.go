package main

import (
	"fmt"
	"os"
	"strings"
)

// Temp is a temperature in degrees Celsius.
type Temp float64

func (t Temp) String() string { return fmt.Sprintf("%.1f°C", float64(t)) }

type Reading struct {
	Where string
	T     Temp
}

func clock() (int, string) { return 30, "noon" }

func minMax(ts []Temp) (lo, hi Temp) {
	lo, hi = ts[0], ts[0]
	for _, t := range ts[1:] {
		lo, hi = min(lo, t), max(hi, t)
	}
	return lo, hi
}

// Series is a run of temperatures.
type Series []Temp

func (s Series) Range() (Temp, Temp) { return minMax(s) }

func latest() (Reading, error) { return Reading{"roof", 17.25}, nil }

func split(s string) (string, string, bool) { return strings.Cut(s, "=") }

// report prints its deferred lines when it returns.
func report(xs []any) {
	defer fmt.Println()
	defer fmt.Print(xs...)
	defer fmt.Print(clock())
	xs[0] = "changed"
	fmt.Print("report: ")
}

func main() {
	fmt.Print(clock())
	fmt.Println()
	fmt.Println(clock())
	s := fmt.Sprint(clock())
	fmt.Println(s, len(s))

	ts := []Temp{21, 19.5, 23.25}
	fmt.Println(minMax(ts))
	fmt.Print(minMax(ts))
	fmt.Println()
	fmt.Println(fmt.Sprint(minMax(ts)))
	fmt.Println(latest())
	series := Series{18, 22.5, 20}
	fmt.Println(series.Range())
	fmt.Print(series.Range())
	fmt.Println()
	fmt.Print(split("unit=celsius"))
	fmt.Println()
	fmt.Println(split("unit=celsius"))

	parts := []any{"a", 1, 2, "b", "c", 3.5}
	fmt.Print(parts...)
	fmt.Println()
	fmt.Fprint(os.Stdout, parts...)
	fmt.Println()
	fmt.Println(fmt.Sprint(parts...))
	fmt.Println(parts...)
	report(parts)
}
