package kernel

import (
	"fmt"
	"os"
	"sync"
	"unicode/utf8"
)

// Output capture.
//
// A cell writes to two places: interpreted fmt.Print* goes to the writers the
// engine gives yaegi (synchronous, in program order), while interpreted
// os.Stdout/os.Stderr and every compiled package (nnlib) write to the process's
// os.Stdout and os.Stderr variables. During a cell those variables point at
// the write ends of two pipes; a reader goroutine per pipe turns what arrives
// into Stdout/Stderr parts. The front end's own writers (captured before the
// swap) are untouched, so a REPL printing the parts does not feed them back.
//
// On Windows (and other systems without unix pipes and poll) only the
// interpreted fmt.Print* and yaegi's stderr are captured; what compiled code
// writes to os.Stdout/os.Stderr goes to the process's own streams
// (capture_other.go).
//
// Every emission happens under capture.mu, and a pipe read plus its emission
// is one critical section, so a synchronous write first drains whatever the
// pipes already hold: output written earlier is emitted earlier.

// execMu serialises cells across engines: the stdio swap is process-wide.
var execMu sync.Mutex

type captureState struct {
	mu     sync.Mutex
	emit   func(Part) // the running cell's emitter; nil when idle
	muted  bool       // the running cell ended at a goroutine's panic (gopanic.go)
	origIn struct{ out, err *os.File }
	pipes  [2]pipeState

	// A partial stdout line that may become an input prompt (prompt.go).
	prompts bool
	held    []byte
	heldGen int
}

var (
	capOnce sync.Once
	capErr  error
	capture captureState
)

// kindOf maps a pipe index to its stream.
func kindOf(i int) PartKind {
	if i == 0 {
		return Stdout
	}
	return Stderr
}

// flushCarryLocked emits held-back partial runes (at the end of a cell).
func (c *captureState) flushCarryLocked() {
	for i := range c.pipes {
		if len(c.pipes[i].carry) > 0 {
			b := c.pipes[i].carry
			c.pipes[i].carry = nil
			c.sendLocked(kindOf(i), b)
		}
	}
}

// dispatchLocked emits bytes read from pipe i, holding back a trailing
// incomplete UTF-8 sequence until the rest arrives.
func (c *captureState) dispatchLocked(i int, b []byte) {
	p := &c.pipes[i]
	if len(p.carry) > 0 {
		b = append(p.carry, b...)
		p.carry = nil
	}
	cut := len(b)
	for k := len(b) - 1; k >= 0 && k >= len(b)-utf8.UTFMax; k-- {
		if utf8.RuneStart(b[k]) {
			if !utf8.FullRune(b[k:]) {
				cut = k
			}
			break
		}
	}
	if cut < len(b) {
		p.carry = append([]byte(nil), b[cut:]...)
		b = b[:cut]
	}
	c.sendLocked(kindOf(i), b)
}

// sendLocked delivers stream text to the running cell, or to the real
// stdout/stderr when no cell runs (a goroutine that outlived its cell).
func (c *captureState) sendLocked(k PartKind, b []byte) {
	if len(b) == 0 {
		return
	}
	if c.emit != nil {
		if c.muted {
			return // the program has ended: Go prints nothing more
		}
		if b = c.holdLocked(k, b); len(b) > 0 {
			c.call(Part{Kind: k, Text: string(b)})
		}
		return
	}
	f := c.origIn.out
	if k == Stderr {
		f = c.origIn.err
	}
	if f != nil {
		f.Write(b)
	}
}

// write is the synchronous path (interpreted fmt.Print*, yaegi's stderr).
func (c *captureState) write(k PartKind, b []byte) {
	c.mu.Lock()
	c.drainLocked()
	c.sendLocked(k, b)
	c.mu.Unlock()
}

// emitPart sends a non-stream part (value, display) in order with the streams.
func (c *captureState) emitPart(p Part) {
	c.mu.Lock()
	c.flushLocked()
	if c.emit != nil {
		c.call(p)
	}
	c.mu.Unlock()
}

// sync emits everything the cell wrote so far.
func (c *captureState) sync() {
	c.mu.Lock()
	c.flushLocked()
	c.mu.Unlock()
}

// flushLocked emits what the pipes hold and any held-back partial rune.
func (c *captureState) flushLocked() {
	c.drainLocked()
	c.flushCarryLocked()
	c.releaseLocked()
}

// call runs the front end's emit; a panic in it is reported on the real
// stderr instead of killing the process from a pump goroutine.
func (c *captureState) call(p Part) {
	defer func() {
		if r := recover(); r != nil && c.origIn.err != nil {
			fmt.Fprintf(c.origIn.err, "nnbook: emit panicked on %s part: %v\n", p.Kind, r)
		}
	}()
	c.emit(p)
}

// begin points os.Stdout/os.Stderr at the pipes and emit at the cell.
func (c *captureState) begin(emit func(Part)) {
	c.mu.Lock()
	c.origIn.out, c.origIn.err = os.Stdout, os.Stderr
	c.redirectLocked()
	c.emit = emit
	c.muted = false
	c.mu.Unlock()
}

// mute emits what the cell wrote so far and drops the rest of its stream
// output: a goroutine's panic has ended the program (gopanic.go).
func (c *captureState) mute() {
	c.mu.Lock()
	c.flushLocked()
	c.muted = c.emit != nil
	c.mu.Unlock()
}

// end restores the process's stdio and emits everything the cell wrote.
func (c *captureState) end() {
	c.mu.Lock()
	os.Stdout, os.Stderr = c.origIn.out, c.origIn.err
	c.flushLocked()
	c.emit = nil
	c.prompts = false
	c.mu.Unlock()
}

// streamWriter is the io.Writer yaegi gets as Options.Stdout.
type streamWriter struct{ kind PartKind }

func (w streamWriter) Write(b []byte) (int, error) {
	capture.write(w.kind, b)
	return len(b), nil
}
