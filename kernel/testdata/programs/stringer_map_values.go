package main

import "fmt"

type Level int

func (l Level) String() string {
	switch l {
	case 0:
		return "low"
	case 1:
		return "mid"
	}
	return "high"
}

func main() {
	m := map[string]Level{"cpu": 2, "disk": 0}
	fmt.Println(m)
}
