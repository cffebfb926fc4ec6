package main

import "fmt"

type ByteSize float64

const (
	_           = iota
	KB ByteSize = 1 << (10 * iota)
	MB
	GB
	TB
)

func (b ByteSize) String() string {
	switch {
	case b >= TB:
		return fmt.Sprintf("%.2fTB", b/TB)
	case b >= GB:
		return fmt.Sprintf("%.2fGB", b/GB)
	case b >= MB:
		return fmt.Sprintf("%.2fMB", b/MB)
	case b >= KB:
		return fmt.Sprintf("%.2fKB", b/KB)
	}
	return fmt.Sprintf("%.0fB", float64(b))
}

type Weekday int

const (
	Sunday Weekday = iota
	Monday
	Tuesday
	_
	Thursday
	Friday = iota * 10
	Saturday
)

const (
	a, b = iota, iota * 2
	c, d
	e, f = "e", iota + 100
)

const (
	red = iota + 'A'
	green
	blue
)

type State uint8

const (
	Idle State = iota + 1
	Running
	Stopped State = 10
	Failed
	Unknown State = iota
)

func main() {
	fmt.Println(KB, MB, GB, TB)
	fmt.Println(ByteSize(1500), ByteSize(3.5*float64(GB)), ByteSize(12))
	fmt.Println(Sunday, Monday, Tuesday, Thursday, Friday, Saturday)
	fmt.Println(a, b, c, d, e, f)
	fmt.Println(red, green, blue, string(rune(blue)))
	fmt.Println(Idle, Running, Stopped, Failed, Unknown)
	fmt.Printf("%T %T %v\n", Saturday, Failed, float64(KB))
}
