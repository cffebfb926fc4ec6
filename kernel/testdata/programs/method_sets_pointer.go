package main

import "fmt"

type Counter struct {
	name string
	n    int
}

func (c *Counter) Inc()           { c.n++ }
func (c Counter) Value() int      { return c.n }
func (c *Counter) String() string { return fmt.Sprintf("%s=%d", c.name, c.n) }

type Incrementer interface{ Inc() }
type Valuer interface{ Value() int }

func incAll(xs []Incrementer) {
	for _, x := range xs {
		x.Inc()
	}
}

func main() {
	c := Counter{name: "a"}
	c.Inc()
	c.Inc()
	fmt.Println(c.Value(), c.n)
	fmt.Println(c)
	fmt.Println(&c)

	d := &Counter{name: "b"}
	incAll([]Incrementer{&c, d, d})
	fmt.Println(c.String(), d)

	var v Valuer = c
	c.Inc()
	fmt.Println(v.Value(), c.Value())
	v = d
	d.Inc()
	fmt.Println(v.Value())

	counters := []Counter{{name: "x"}, {name: "y"}}
	for _, k := range counters {
		k.Inc()
	}
	fmt.Println(counters[0].n, counters[1].n)
	for i := range counters {
		counters[i].Inc()
	}
	fmt.Println(counters[0].n, counters[1].n)

	m := map[string]*Counter{"p": {name: "p"}}
	m["p"].Inc()
	fmt.Println(m["p"])

	_, isStringer := any(c).(fmt.Stringer)
	_, ptrIsStringer := any(&c).(fmt.Stringer)
	fmt.Println(isStringer, ptrIsStringer)
	fmt.Printf("%v %s %+v\n", &c, &c, c)
}
