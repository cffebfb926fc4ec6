package main

import (
	"fmt"
	"sort"
	"strings"
)

type Sale struct {
	Item  string
	Qty   int
	Price float64
}

func report(sales []Sale) string {
	var b strings.Builder
	totals := map[string]float64{}
	for _, s := range sales {
		totals[s.Item] += float64(s.Qty) * s.Price
	}
	items := make([]string, 0, len(totals))
	for it := range totals {
		items = append(items, it)
	}
	sort.Slice(items, func(i, j int) bool {
		if totals[items[i]] != totals[items[j]] {
			return totals[items[i]] > totals[items[j]]
		}
		return items[i] < items[j]
	})
	width := 0
	for _, it := range items {
		width = max(width, len(it))
	}
	line := strings.Repeat("=", width+12)
	b.WriteString(line + "\n")
	fmt.Fprintf(&b, "%-*s %10s\n", width, "ITEM", "TOTAL")
	b.WriteString(line + "\n")
	grand := 0.0
	for _, it := range items {
		fmt.Fprintf(&b, "%-*s %10.2f\n", width, it, totals[it])
		grand += totals[it]
	}
	b.WriteString(strings.Repeat("-", width+12) + "\n")
	fmt.Fprintf(&b, "%-*s %10.2f\n", width, "sum", grand)
	return b.String()
}

func main() {
	sales := []Sale{{"apple", 3, 0.5}, {"watermelon", 1, 3.2}, {"kiwi", 10, 0.25}, {"apple", 2, 0.5}}
	out := report(sales)
	fmt.Print(out)
	fmt.Println(strings.Count(out, "\n"), len(strings.Split(strings.TrimSpace(out), "\n")))
	var b strings.Builder
	for i := 3; i > 0; i-- {
		fmt.Fprintf(&b, "%d...", i)
	}
	b.WriteString("liftoff")
	fmt.Println(b.String(), b.Len())
}
