package main

import (
	"fmt"
	"sort"
	"strings"
)

type Student struct {
	Name  string
	Class string
	Score int
}

func groupBy(students []Student, key func(Student) string) map[string][]Student {
	groups := make(map[string][]Student)
	for _, s := range students {
		k := key(s)
		groups[k] = append(groups[k], s)
	}
	return groups
}

func average(ss []Student) (avg float64) {
	if len(ss) == 0 {
		return
	}
	total := 0
	for _, s := range ss {
		total += s.Score
	}
	return float64(total) / float64(len(ss))
}

func main() {
	students := []Student{
		{"ann", "A", 90}, {"bob", "B", 72}, {"cid", "A", 85},
		{"dee", "C", 60}, {"eve", "B", 95}, {"fay", "A", 70},
	}
	byClass := groupBy(students, func(s Student) string { return s.Class })
	classes := make([]string, 0, len(byClass))
	for c := range byClass {
		classes = append(classes, c)
	}
	sort.Strings(classes)
	for _, c := range classes {
		names := []string{}
		for _, s := range byClass[c] {
			names = append(names, s.Name)
		}
		fmt.Printf("%s: %-12s avg %.1f\n", c, strings.Join(names, ","), average(byClass[c]))
	}
	byGrade := groupBy(students, func(s Student) string {
		switch {
		case s.Score >= 90:
			return "top"
		case s.Score >= 70:
			return "mid"
		}
		return "low"
	})
	fmt.Println(len(byGrade["top"]), len(byGrade["mid"]), len(byGrade["low"]), len(byGrade["none"]))
	counts := map[string]int{}
	for k, v := range byGrade {
		counts[k] = len(v)
	}
	fmt.Println(counts)
}
