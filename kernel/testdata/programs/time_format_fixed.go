package main

import (
	"fmt"
	"time"
)

func main() {
	t := time.Date(2024, time.February, 28, 22, 15, 30, 500_000_000, time.UTC)
	fmt.Println(t)
	fmt.Println(t.Format(time.RFC3339Nano), t.Format(time.Kitchen), t.Format("Mon Jan 2 2006"))
	fmt.Println(t.Format("02/01/06 15h04 .000"), t.Format(time.DateOnly), t.Format(time.TimeOnly))
	next := t.Add(3 * time.Hour)
	fmt.Println(next.Format(time.DateTime), next.YearDay(), next.Weekday())
	fmt.Println(t.AddDate(0, 1, 1).Format(time.DateOnly), t.AddDate(1, 0, 1).Format(time.DateOnly))

	start := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	d := t.Sub(start)
	fmt.Println(d, d.Round(time.Hour), d.Truncate(24*time.Hour), int(d.Hours()/24))
	fmt.Println(t.After(start), t.Before(start), t.Equal(t.Add(0)), start.Compare(t))
	fmt.Println(t.Truncate(time.Hour).Format(time.TimeOnly), t.Round(time.Minute).Format(time.TimeOnly))
	y, m, day := t.Date()
	fmt.Println(y, m, day, int(m), t.Unix(), t.UnixMilli())

	p, err := time.Parse("2006-01-02 15:04", "2023-07-04 09:30")
	fmt.Println(p, err)
	_, err = time.Parse(time.DateOnly, "2023-13-01")
	fmt.Println(err)

	zone := time.FixedZone("EST", -5*3600)
	fmt.Println(t.In(zone).Format(time.RFC1123Z), t.In(zone).Equal(t))

	durations := []time.Duration{1500 * time.Millisecond, 90 * time.Second, 36*time.Hour + 5*time.Minute, 250 * time.Microsecond, 42}
	for _, d := range durations {
		fmt.Printf("%v %s %.2f %d\n", d, d.String(), d.Minutes(), d.Milliseconds())
	}
	fmt.Println(time.Duration(1<<63-1), time.Unix(0, 0).UTC())
	var zero time.Time
	fmt.Println(zero.IsZero(), zero.Year())
}
