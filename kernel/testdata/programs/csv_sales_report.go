package main

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"
)

const data = `region,product,units,price
north,apples,10,0.50
south,pears,4,1.25
north,pears,7,1.25
east,"apples, green",3,0.75
south,apples,12,0.50
`

func main() {
	r := csv.NewReader(strings.NewReader(data))
	header, err := r.Read()
	if err != nil {
		fmt.Println("header:", err)
		return
	}
	fmt.Println("columns:", strings.Join(header, " | "))
	totals := map[string]float64{}
	var order []string
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			fmt.Println("error:", err)
			return
		}
		units, _ := strconv.Atoi(rec[2])
		price, _ := strconv.ParseFloat(rec[3], 64)
		if _, seen := totals[rec[0]]; !seen {
			order = append(order, rec[0])
		}
		totals[rec[0]] += float64(units) * price
		fmt.Printf("%-6s %-14q %3d x %.2f\n", rec[0], rec[1], units, price)
	}
	for _, region := range order {
		fmt.Printf("%s total: %.2f\n", region, totals[region])
	}

	bad := csv.NewReader(strings.NewReader("a,b\n1,2,3\n"))
	_, err = bad.ReadAll()
	fmt.Println("bad:", err)

	var sb strings.Builder
	w := csv.NewWriter(&sb)
	w.Write([]string{"name", "quote"})
	w.Write([]string{"Ann", `she said "hi"`})
	w.Write([]string{"Bob", "a,b"})
	w.Flush()
	fmt.Print(sb.String())
}
