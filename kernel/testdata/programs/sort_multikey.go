package main

import (
	"cmp"
	"fmt"
	"slices"
	"sort"
	"strings"
)

type Employee struct {
	Name   string
	Dept   string
	Age    int
	Salary float64
}

func main() {
	staff := []Employee{
		{"Alice", "eng", 30, 120},
		{"bob", "ops", 45, 90},
		{"Carol", "eng", 25, 120},
		{"dave", "ops", 45, 95},
		{"Eve", "eng", 30, 110},
		{"Frank", "hr", 50, 80},
	}

	sort.Slice(staff, func(i, j int) bool {
		a, b := staff[i], staff[j]
		if a.Dept != b.Dept {
			return a.Dept < b.Dept
		}
		if a.Salary != b.Salary {
			return a.Salary > b.Salary
		}
		return a.Name < b.Name
	})
	for _, e := range staff {
		fmt.Printf("%-4s %-6s %6.1f\n", e.Dept, e.Name, e.Salary)
	}

	byAge := slices.Clone(staff)
	sort.SliceStable(byAge, func(i, j int) bool { return byAge[i].Age < byAge[j].Age })
	for _, e := range byAge {
		fmt.Print(e.Name, ":", e.Age, " ")
	}
	fmt.Println()

	slices.SortStableFunc(staff, func(a, b Employee) int {
		return cmp.Or(
			cmp.Compare(b.Age, a.Age),
			strings.Compare(strings.ToLower(a.Name), strings.ToLower(b.Name)),
		)
	})
	for _, e := range staff {
		fmt.Print(e.Name, " ")
	}
	fmt.Println()

	names := []string{"banana", "Apple", "cherry", "apple", "Banana"}
	sort.Strings(names)
	fmt.Println(names, sort.StringsAreSorted(names))
	slices.SortFunc(names, func(a, b string) int {
		return cmp.Compare(strings.ToLower(a), strings.ToLower(b))
	})
	fmt.Println(names)
	ints := []int{5, 2, 9, 1}
	sort.Sort(sort.Reverse(sort.IntSlice(ints)))
	fmt.Println(ints, slices.IsSorted(ints))
	i, found := slices.BinarySearchFunc(staff, 30, func(e Employee, age int) int { return cmp.Compare(age, e.Age) })
	fmt.Println(i, found)
}
