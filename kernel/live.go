package kernel

import "time"

// SetLiveDisplay turns the live training figure on or off (on by default).
// A front end that cannot show Display and UpdateDisplay parts (a terminal
// REPL) turns it off, so training does not spend time rendering figures
// nobody sees.
func (e *Engine) SetLiveDisplay(on bool) {
	e.mu.Lock()
	e.noLive = !on
	e.mu.Unlock()
}

// liveDrawShare bounds the share of a training run's time spent drawing its
// live figure: after a draw that took d, the next waits at least
// liveDrawShare × d. On an idle machine a draw takes ~20 ms and the
// progressThrottle (500 ms) decides; on a crowded one (a classroom of
// kernels on a few cores) draws slow down and the figure updates less often,
// leaving the CPU to the training.
const liveDrawShare = 4

// liveGap is the least time between the end of one live-figure draw that
// took d and the next draw.
func liveGap(d time.Duration) time.Duration {
	return max(progressThrottle, liveDrawShare*d)
}
