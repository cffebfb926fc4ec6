package main

import "fmt"

type Code int

func (c Code) Error() string { return fmt.Sprintf("code %d", int(c)) }

type Result struct {
	Value int
	Err   error
}

type Temp float64

func (t Temp) String() string { return fmt.Sprintf("%.1f°C", float64(t)) }

func main() {
	rs := []Result{{1, nil}, {0, Code(404)}}
	fmt.Println(rs)
	fmt.Printf("%+v\n", rs[1])
	temps := map[string]Temp{"in": 21.5, "out": -3}
	fmt.Println(temps)
	var ts [2]Temp
	ts[1] = 37
	fmt.Println(ts, &ts[1] != nil)
}
