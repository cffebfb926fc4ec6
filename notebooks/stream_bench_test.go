package notebooks

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"
)

// streamSizes are the outputs of issue 15's benchmark: 1, 8 and 50 MB.
var streamSizes = []int{1 << 20, 8 << 20, 50 << 20}

// BenchmarkStreamOutput runs one cell printing N bytes in 4 KiB writes and
// encodes the notebook. Linear accumulation shows as a flat ns/byte across
// the sizes (string concatenation made it grow with N: 1/2/4/8 MB took
// 0.8/2.5/7.7/23.8 s).
//
//	go test -run '^$' -bench StreamOutput -benchtime 3x ./notebooks/
func BenchmarkStreamOutput(b *testing.B) {
	for _, n := range streamSizes {
		b.Run(fmt.Sprintf("%dMB", n>>20), func(b *testing.B) {
			start := time.Now()
			for i := 0; i < b.N; i++ {
				nb := &Notebook{Format: 4, FormatMinor: 5, Cells: []*Cell{{Type: "code", Source: fmt.Sprintf("spew %d", n), Metadata: Metadata{}}}}
				if err := Run(context.Background(), nb, &fakeEngine{}, Options{}); err != nil {
					b.Fatal(err)
				}
				if _, err := nb.Write(); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(time.Since(start).Nanoseconds())/float64(b.N)/float64(n), "ns/byte")
			b.SetBytes(int64(n))
		})
	}
}

// TestStreamOutputKept: a cell's whole output is in the notebook, in one
// stream output, however it was split into writes.
func TestStreamOutputKept(t *testing.T) {
	const n = 8 << 20
	nb := &Notebook{Format: 4, FormatMinor: 5, Cells: []*Cell{{Type: "code", Source: fmt.Sprintf("spew %d\neprint e\nspew 100", n), Metadata: Metadata{}}}}
	if err := Run(context.Background(), nb, &fakeEngine{}, Options{}); err != nil {
		t.Fatal(err)
	}
	outs := nb.Cells[0].Outputs
	if len(outs) != 3 || len(outs[0].Text) != n || outs[1].Text != "e\n" || len(outs[2].Text) != 100 {
		t.Fatalf("outputs: %d, sizes %v", len(outs), outs)
	}
	data, err := nb.Write()
	if err != nil {
		t.Fatal(err)
	}
	back, err := Read(data)
	if err != nil {
		t.Fatal(err)
	}
	if got := back.Cells[0].Outputs[0].Text; got != outs[0].Text || !strings.HasPrefix(got, strings.Repeat("x", 63)+"\n") {
		t.Errorf("the written notebook lost text: %d bytes of %d", len(got), n)
	}
}
