// Package show connects the display package cells import to the engine
// running the cell. It is internal so that cells, which see every exported
// name of kernel/display, cannot replace the engine's publisher.
package show

import "sync"

// Publisher is what the engine offers the display package while a cell runs.
type Publisher interface {
	// Display shows v as a new output; id, when not empty, names it for
	// Update.
	Display(id string, v any)
	// Update replaces the output named id with v.
	Update(id string, v any)
	// Clear clears the cell's output, at once or (wait) when the next
	// output arrives.
	Clear(wait bool)
	// Input asks the front end for one line, showing prompt; password asks
	// it not to echo the answer.
	Input(prompt string, password bool) (string, error)
}

var (
	mu      sync.Mutex
	current Publisher
)

// Set makes p the publisher (nil: none) and returns the previous one.
func Set(p Publisher) Publisher {
	mu.Lock()
	defer mu.Unlock()
	old := current
	current = p
	return old
}

// Get returns the publisher, or nil outside a cell.
func Get() Publisher {
	mu.Lock()
	defer mu.Unlock()
	return current
}
