package main

import "fmt"

// Composite literals of named types given to an any by a declaration, an
// assignment or a return keep their types.

type IDs []int

type Scores map[string]int

type Point struct{ X, Y int }

func parse(kind string) any {
	switch kind {
	case "ids":
		return IDs{1, 2}
	case "scores":
		return Scores{"ann": 3}
	}
	return Point{4, 5}
}

func main() {
	var v any = IDs{3, 1, 2}
	var w interface{} = Point{1, 2}
	fmt.Printf("%T %T\n", v, w)
	w = Scores{"bo": 1}
	fmt.Printf("%T %v\n", w, w)
	for _, k := range []string{"ids", "scores", "point"} {
		switch r := parse(k).(type) {
		case IDs:
			fmt.Println("ids", len(r))
		case Scores:
			fmt.Println("scores", r["ann"])
		case Point:
			fmt.Println("point", r.X+r.Y)
		}
	}
}
