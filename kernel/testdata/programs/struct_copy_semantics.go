package main

import "fmt"

type Address struct {
	City string
}

type Person struct {
	Name    string
	Tags    []string
	Addr    Address
	AddrPtr *Address
	Meta    map[string]string
}

func rename(p Person) { p.Name = "changed"; p.Tags[0] = "changed"; p.Addr.City = "changed" }

func main() {
	home := &Address{"Oslo"}
	a := Person{"ann", []string{"x", "y"}, Address{"Rome"}, home, map[string]string{"k": "v"}}
	b := a
	b.Name = "bob"
	b.Tags[1] = "shared"
	b.Addr.City = "Paris"
	b.AddrPtr.City = "Bergen"
	b.Meta["k"] = "w"
	fmt.Println(a.Name, a.Tags, a.Addr.City, a.AddrPtr.City, a.Meta["k"])
	fmt.Println(b.Name, b.Tags, b.Addr.City, b.AddrPtr.City, b.Meta["k"])
	rename(a)
	fmt.Println(a.Name, a.Tags, a.Addr.City)
	b.Tags = append(b.Tags, "new")
	fmt.Println(len(a.Tags), len(b.Tags))
	people := []Person{a, b}
	for _, p := range people {
		p.Name = "loop"
	}
	fmt.Println(people[0].Name, people[1].Name)
	ptrs := []*Person{&a, &b}
	for _, p := range ptrs {
		p.Name += "!"
	}
	fmt.Println(a.Name, b.Name)
	c := struct {
		Person
		Age int
	}{a, 30}
	c.Name = "embedded"
	fmt.Println(a.Name, c.Name, c.Age, c.Addr.City)
	fmt.Println(a.Addr == b.Addr, a.Addr == Address{"Rome"})
}
