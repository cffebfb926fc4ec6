package main

import "fmt"

type Logger struct {
	prefix string
	lines  []string
}

func (l *Logger) Log(msg string) {
	l.lines = append(l.lines, l.prefix+msg)
}

type Base struct {
	ID int
}

func (b Base) Describe() string { return fmt.Sprintf("base #%d", b.ID) }
func (b Base) Kind() string     { return "base" }

type User struct {
	Base
	*Logger
	Name string
}

func (u User) Kind() string { return "user" }

type Describer interface {
	Describe() string
	Kind() string
}

type LogDescriber interface {
	Describer
	Log(string)
}

func show(d Describer) {
	fmt.Printf("%s / %s\n", d.Describe(), d.Kind())
}

func main() {
	u := User{Base: Base{ID: 7}, Logger: &Logger{prefix: "[u] "}, Name: "ann"}
	show(u)
	show(u.Base)
	fmt.Println(u.ID, u.Base.ID, u.Kind(), u.Base.Kind())

	var ld LogDescriber = u
	ld.Log("hello")
	ld.Log("bye")
	fmt.Println(u.lines, len(u.Logger.lines))

	u2 := u
	u2.ID = 8
	u2.Log("from copy")
	fmt.Println(u.ID, u2.ID, len(u.lines))

	items := []Describer{u, Base{ID: 1}, &u2}
	for _, it := range items {
		if l, ok := it.(LogDescriber); ok {
			l.Log("seen")
		}
		show(it)
	}
	fmt.Println(len(u.lines))
}
