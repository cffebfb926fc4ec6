package kernel

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// BenchmarkCorpus runs every program of testdata/programs that matches go
// run (not in limitations.txt, not the os.Exit ones) as a whole program in a fresh engine, and
// reports the time per program. It uses only New and Execute, so the same
// file measures an older engine too. With NNBOOK_BENCH_PROGRAMS=FILE it runs
// the programs FILE names, one per line, instead: testdata/bench_programs.txt
// lists the 94 that the engine before issue #11 (cfe35b4) also runs as go
// run does (README, "Measured").
func BenchmarkCorpus(b *testing.B) {
	files, _ := filepath.Glob("testdata/programs/*.go")
	lim, _ := os.ReadFile("testdata/programs/limitations.txt")
	only := map[string]bool{}
	if f := os.Getenv("NNBOOK_BENCH_PROGRAMS"); f != "" {
		list, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		for _, n := range strings.Fields(string(list)) {
			only[n] = true
		}
	}
	var progs []string
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".go")
		if len(only) > 0 && !only[name] {
			continue
		}
		if strings.Contains(string(lim), "\n"+name+":") || strings.HasPrefix(name, "exit_") {
			continue // exit_*: an engine without exit.go would end the process
		}
		src, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		progs = append(progs, string(src))
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, src := range progs {
			e, err := New()
			if err != nil {
				b.Fatal(err)
			}
			e.Execute(context.Background(), src, func(Part) {})
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*len(progs)), "µs/program")
	b.ReportMetric(float64(len(progs)), "programs")
}
