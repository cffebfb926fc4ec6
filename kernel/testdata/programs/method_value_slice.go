package main

import "fmt"

type Greeter struct{ Greeting string }

func (g Greeter) Greet(name string) string { return g.Greeting + ", " + name }

func main() {
	var greets []func(string) string
	g := Greeter{"Hello"}
	for _, word := range []string{"Hi", "Hey", "Yo"} {
		greets = append(greets, g.Greet)
		g.Greeting = word
	}
	for _, f := range greets {
		fmt.Println(f("Ann"))
	}
}
