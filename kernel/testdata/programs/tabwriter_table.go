package main

import (
	"fmt"
	"os"
	"text/tabwriter"
)

type planet struct {
	name   string
	moons  int
	radius float64
}

func main() {
	planets := []planet{
		{"Mercury", 0, 2439.7},
		{"Earth", 1, 6371.0},
		{"Jupiter", 95, 69911},
		{"Neptune", 16, 24622},
	}
	w := tabwriter.NewWriter(os.Stdout, 0, 8, 2, ' ', 0)
	fmt.Fprintln(w, "NAME\tMOONS\tRADIUS (km)\t")
	fmt.Fprintln(w, "----\t-----\t-----------\t")
	for _, p := range planets {
		fmt.Fprintf(w, "%s\t%d\t%.1f\t\n", p.name, p.moons, p.radius)
	}
	w.Flush()

	fmt.Println()
	right := tabwriter.NewWriter(os.Stdout, 6, 0, 1, '.', tabwriter.AlignRight|tabwriter.Debug)
	fmt.Fprintln(right, "a\tbb\tccc\t")
	fmt.Fprintln(right, "dddd\te\tf\t")
	right.Flush()
}
