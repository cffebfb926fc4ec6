package main

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"
)

type Level int

const (
	Low Level = iota
	High
)

func (l Level) MarshalJSON() ([]byte, error) {
	return json.Marshal([]string{"low", "high"}[l])
}

func (l *Level) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return err
	}
	switch strings.ToLower(s) {
	case "low":
		*l = Low
	case "high":
		*l = High
	default:
		return fmt.Errorf("bad level %q", s)
	}
	return nil
}

type Task struct {
	Title string        `json:"title"`
	Level Level         `json:"level"`
	Due   time.Duration `json:"due_ns"`
}

func main() {
	b, err := json.Marshal([]Task{{"a", High, time.Hour}, {"b", Low, 0}})
	fmt.Println(string(b), err)
	var ts []Task
	err = json.Unmarshal([]byte(`[{"title":"x","level":"HIGH","due_ns":5},{"title":"y","level":"low"}]`), &ts)
	fmt.Println(ts, err)
	err = json.Unmarshal([]byte(`[{"level":"mid"}]`), &ts)
	fmt.Println(err)
}
