package main

import "fmt"

// A method value copies its receiver when it is evaluated, whatever
// expression gives the receiver: a call's result, a field, an element, a
// promoted method of an embedded value or pointer, an interface.

type Counter struct{ n int }

func (c Counter) Get() int { return c.n }

type Gauge struct{ level int }

func (g Gauge) Level() int { return g.level }

type Panel struct {
	main Counter
	Gauge
	*Counter
}

type Reader interface{ Get() int }

var global = Counter{1}

func current() Counter { return global }

func newPanel() *Panel {
	return &Panel{main: Counter{2}, Gauge: Gauge{3}, Counter: &Counter{4}}
}

func main() {
	f := current().Get
	global.n = 10
	fmt.Println(f(), global.Get())

	p := newPanel()
	byField := p.main.Get
	promoted := p.Level
	throughPtr := p.Get
	p.main.n = 20
	p.level = 30
	p.Counter.n = 40
	fmt.Println(byField(), promoted(), throughPtr())
	fmt.Println(p.main.Get(), p.Level(), p.Get())

	panels := []Panel{*newPanel()}
	elem := panels[0].main.Get
	panels[0].main.n = 50
	fmt.Println(elem(), panels[0].main.Get())

	var r Reader = Counter{6}
	get := r.Get
	r = Counter{60}
	fmt.Println(get(), r.Get())

	var fs []func() int
	for _, pn := range panels {
		fs = append(fs, pn.Level)
	}
	panels[0].level = 70
	fmt.Println(fs[0]())
}
