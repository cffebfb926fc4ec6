package main

import (
	"encoding/json"
	"fmt"
	"os"
)

// Values of types with methods held in an any, a []any, a map[string]any
// or an any field marshal to JSON by their fields and values.

type Point struct{ X, Y int }

func (p Point) String() string { return fmt.Sprintf("(%d,%d)", p.X, p.Y) }

type Level int

func (l Level) String() string { return "level" }

type Event struct {
	Name    string
	Payload any
	Tags    []any
}

func main() {
	doc := map[string]any{
		"origin": Point{0, 0},
		"level":  Level(3),
		"path":   []any{Point{1, 2}, Point{3, 4}, "end"},
		"meta":   map[string]any{"count": 2, "at": Point{5, 6}},
	}
	b, err := json.Marshal(doc)
	fmt.Println(string(b), err)

	var v any = Point{7, 8}
	b, _ = json.Marshal(v)
	fmt.Println(string(b))

	ev := Event{Name: "move", Payload: Point{9, 9}, Tags: []any{Level(1), "x"}}
	b, _ = json.MarshalIndent(ev, "", "  ")
	fmt.Println(string(b))

	var none map[string]any
	b, _ = json.Marshal(map[string]any{"none": none, "empty": []any{}, "ptr": &Event{Payload: Level(2)}})
	fmt.Println(string(b))

	enc := json.NewEncoder(os.Stdout)
	enc.SetIndent("", " ")
	enc.Encode([]any{Point{1, 1}, Level(0)})
	fmt.Printf("%T\n", enc)

	fmt.Println(doc["origin"], len(doc))
}
