package main

import "fmt"

type Task struct {
	Name string
	Done bool
}

func (t Task) Report() { fmt.Printf("%s done=%v\n", t.Name, t.Done) }

func main() {
	for _, name := range []string{"build", "test", "ship"} {
		t := Task{Name: name}
		defer t.Report()
		t.Done = true
	}
	fmt.Println("queued")
}
