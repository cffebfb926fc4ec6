package kernel

import (
	"context"
	"testing"
)

// BenchmarkDivisionLoop measures an interpreted loop of integer divisions
// by a variable, which the rewrite pass faults checks for zero before each
// statement. It uses only New and Execute, so the same file measures an
// engine without the pass too.
func BenchmarkDivisionLoop(b *testing.B) {
	e, err := New()
	if err != nil {
		b.Fatal(err)
	}
	const n = 200000 // iterations of the loop, two divisions each
	decl := `func work(n, d int) int {
	total := 0
	for i := 0; i < n; i++ {
		total += i / d
		total += i % d
	}
	return total
}`
	if err := e.Execute(context.Background(), decl, func(Part) {}); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		if err := e.Execute(context.Background(), "_ = work(200000, 7)", func(Part) {}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*2*n), "ns/division")
}
