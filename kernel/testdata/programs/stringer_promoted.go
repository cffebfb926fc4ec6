package main

import "fmt"

type Name struct{ First, Last string }

func (n Name) String() string { return n.First + " " + n.Last }

type Employee struct {
	Name
	Salary int
}

type Team struct {
	Lead    Employee
	Members []*Employee
}

func main() {
	e := Employee{Name{"Ada", "Lovelace"}, 100}
	fmt.Println(e)
	fmt.Printf("%v|%s\n", e, e)
	t := Team{Lead: e, Members: []*Employee{&e}}
	fmt.Println(t.Lead.First, t.Lead, t.Members[0], len(t.Members))
	fmt.Println([]Employee{e})
}
