package main

import "fmt"

type Temp float64

func (t Temp) String() string { return fmt.Sprintf("%.1f°C", float64(t)) }

func main() {
	fmt.Println(Temp(21.456))
	fmt.Printf("%v %s\n", Temp(3), Temp(4))
}
