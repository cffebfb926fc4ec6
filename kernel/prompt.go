package kernel

import (
	"bytes"
	"time"
)

// Prompts.
//
// When the running cell can ask the front end for input (Jupyter), the text
// it wrote to standard output since the last newline is held back: if the
// cell then reads standard input, that text is the input request's prompt
// (as in Python's input(prompt)) and is not written to the output. Held text
// goes out as usual with the next newline, before any other output, at the
// end of the cell, or after promptHold (so a progress line of dots still
// shows while it grows).

// promptHold is how long a partial line waits to become a prompt.
var promptHold = time.Second

// holdPrompts turns holding partial lines on or off for the running cell.
func (c *captureState) holdPrompts(on bool) {
	c.mu.Lock()
	c.prompts = on
	c.mu.Unlock()
}

// holdLocked takes stream text about to be sent and returns what to send
// now, keeping a partial stdout line back.
func (c *captureState) holdLocked(k PartKind, b []byte) []byte {
	if !c.prompts {
		return b
	}
	if k != Stdout {
		c.releaseLocked()
		return b
	}
	waiting := len(c.held) > 0 // a timer runs for the held text
	if waiting {
		b = append(c.held, b...)
		c.held = nil
	}
	i := bytes.LastIndexByte(b, '\n')
	if i >= 0 && waiting {
		c.heldGen++ // the held text goes out now: its timer is void
		waiting = false
	}
	if i+1 < len(b) {
		c.held = append([]byte(nil), b[i+1:]...)
		if !waiting {
			// One timer per partial line, not per write: a loop printing
			// dots does not start a timer per dot.
			gen := c.heldGen
			time.AfterFunc(promptHold, func() {
				c.mu.Lock()
				defer c.mu.Unlock()
				if c.heldGen == gen {
					c.releaseLocked()
				}
			})
		}
	}
	return b[:i+1]
}

// releaseLocked sends the held partial line.
func (c *captureState) releaseLocked() {
	if len(c.held) == 0 {
		return
	}
	b := c.held
	c.held = nil
	c.heldGen++
	if c.emit != nil {
		c.call(Part{Kind: Stdout, Text: string(b)})
	}
}

// takePrompt emits what the cell wrote so far except the partial last line
// of standard output, which it returns instead.
func (c *captureState) takePrompt() string {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.drainLocked()
	c.flushCarryLocked()
	p := string(c.held)
	c.held = nil
	c.heldGen++
	return p
}
