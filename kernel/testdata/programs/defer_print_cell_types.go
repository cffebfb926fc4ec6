package main

import (
	"fmt"
	"os"
	"strings"
)

type Celsius float64

func (c Celsius) String() string { return fmt.Sprintf("%.1f°C", float64(c)) }

type Reading struct {
	Sensor string
	Temp   Celsius
}

type Batch []Reading

func (b Batch) report(label string) {
	defer fmt.Printf("%s: %T with %d readings\n", label, b, len(b))
	defer fmt.Println("last:", b[len(b)-1], "all:", b)
	for i, r := range b {
		defer fmt.Printf("  #%d %v (%T)\n", i, r, r.Temp)
	}
	fmt.Println("reporting", label)
}

func main() {
	b := Batch{{"kitchen", 21.5}, {"garage", 9}}
	b.report("morning")
	t := Celsius(30)
	func() {
		defer fmt.Println("peak", t, []Celsius{t, t / 2})
		defer fmt.Fprintf(os.Stdout, "%v|%+v|%T\n", b[0], b[0], &b[0])
		t = 0
		b[0].Temp = -1
	}()
	var sb strings.Builder
	func() {
		defer fmt.Fprint(&sb, t, " ", Celsius(5), "\n")
		t = 12
	}()
	fmt.Print(sb.String())
	xs := []any{b[1], t}
	func() {
		defer fmt.Println(xs...)
		defer fmt.Printf("%v %T\n", xs, xs[1])
		xs[0] = "replaced"
	}()
}
