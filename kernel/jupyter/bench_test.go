package jupyter

import (
	"testing"
	"time"
)

// BenchmarkExecuteRoundTrip measures a trivial execute_request through real
// ZeroMQ sockets (Go client, fake engine): request to execute_reply, then the
// idle status. This is the kernel's share of a front end's round trip.
func BenchmarkExecuteRoundTrip(b *testing.B) {
	c := startKernel(b)
	req := map[string]any{"code": "1", "silent": false, "store_history": true, "user_expressions": map[string]any{}, "allow_stdin": false, "stop_on_error": true}
	b.ResetTimer()
	start := time.Now()
	for i := 0; i < b.N; i++ {
		id := c.request(c.shell, "execute_request", req)
		c.wait(c.shellC, "execute_reply", 5*time.Second)
		c.iopubUntilIdle(id)
	}
	b.ReportMetric(float64(time.Since(start).Microseconds())/float64(b.N), "µs/execute")
}
