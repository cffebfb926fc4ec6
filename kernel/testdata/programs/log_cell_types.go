package main

import (
	"log"
	"os"
)

type Level int

func (l Level) String() string { return [...]string{"debug", "info"}[l] }

type Event struct {
	At    Level
	What  string
	Count int
}

func main() {
	log.SetOutput(os.Stdout)
	log.SetFlags(0)
	log.SetPrefix("app: ")
	log.Printf("%v %T %d", Level(1), Level(1), Level(1))
	log.Println([]Event{{0, "start", 1}, {1, "run", 2}})
	log.Print(Level(0), "-", Event{1, "x", 3})
	log.SetPrefix("sub: ")
	log.Printf("%+v", Event{0, "y", 4})
}
