package kernel

// SetLiveDisplay turns the live training figure on or off (on by default).
// A front end that cannot show Display and UpdateDisplay parts (a terminal
// REPL) turns it off, so training does not spend time rendering figures
// nobody sees.
func (e *Engine) SetLiveDisplay(on bool) {
	e.mu.Lock()
	e.noLive = !on
	e.mu.Unlock()
}
