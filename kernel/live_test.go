package kernel

import (
	"testing"
	"time"
)

// TestLiveGap: the live figure waits progressThrottle between draws on an
// idle machine, and liveDrawShare times the last draw's duration once draws
// slow down (a crowded machine), so drawing never takes more than a fifth of
// a training run's time.
func TestLiveGap(t *testing.T) {
	for _, tc := range []struct {
		name       string
		draw, want time.Duration
	}{
		{"no draw yet", 0, progressThrottle},
		{"idle machine", 20 * time.Millisecond, progressThrottle},
		{"at the turn", progressThrottle / liveDrawShare, progressThrottle},
		{"20 kernels on 2 cores", 300 * time.Millisecond, 1200 * time.Millisecond},
	} {
		if got := liveGap(tc.draw); got != tc.want {
			t.Errorf("%s: liveGap(%v) = %v, want %v", tc.name, tc.draw, got, tc.want)
		}
	}
}
