//go:build unix

package kernel

import (
	"errors"
	"os"
	"syscall"
)

// pipeState is one captured stream: a pipe whose write end replaces
// os.Stdout or os.Stderr while a cell runs.
type pipeState struct {
	r, w  *os.File
	fd    int
	carry []byte // an incomplete UTF-8 sequence held back
}

func startCapture() error {
	capOnce.Do(func() {
		for i := range capture.pipes {
			if capErr = capture.pipes[i].open(); capErr != nil {
				return
			}
		}
		for i := range capture.pipes {
			go capture.pump(i, capture.pipes[i].fd)
		}
	})
	return capErr
}

// open makes the pipe.
func (p *pipeState) open() error {
	r, w, err := os.Pipe()
	if err != nil {
		return err
	}
	// Fd() puts the descriptor in blocking mode; we want reads that never
	// wait while holding the lock.
	fd := int(r.Fd())
	if err := syscall.SetNonblock(fd, true); err != nil {
		r.Close()
		w.Close()
		return err
	}
	p.r, p.w, p.fd = r, w, fd
	return nil
}

// redirectLocked points os.Stdout/os.Stderr at the pipes. A pipe that an
// earlier cell closed (os.Stderr.Close()) is replaced by a new one: the
// close ends that cell's stream, not the session's.
func (c *captureState) redirectLocked() {
	for i := range c.pipes {
		p := &c.pipes[i]
		if _, err := p.w.Write(nil); !errors.Is(err, os.ErrClosed) {
			continue
		}
		old := *p
		if err := p.open(); err != nil {
			continue // the stream stays closed, as the cell left it
		}
		c.drainFdLocked(i, old.fd) // what the cell wrote before closing
		old.r.Close()
		go c.pump(i, p.fd)
	}
	os.Stdout, os.Stderr = c.pipes[0].w, c.pipes[1].w
}

// pump reads stream i from fd until the pipe is replaced (its read end
// closed) or ends.
func (c *captureState) pump(i, fd int) {
	buf := make([]byte, 32<<10)
	for {
		c.mu.Lock()
		if c.pipes[i].fd != fd {
			c.mu.Unlock()
			return
		}
		n, err := syscall.Read(fd, buf)
		if n > 0 {
			c.dispatchLocked(i, buf[:n])
		}
		c.mu.Unlock()
		if n > 0 {
			continue
		}
		if n == 0 && err == nil {
			// End of file: every write end is closed. redirectLocked
			// replaces the pipe before the next cell.
			return
		}
		if err != nil && !errors.Is(err, syscall.EAGAIN) && !errors.Is(err, syscall.EINTR) {
			return
		}
		waitReadable(fd)
	}
}

// drainLocked emits whatever the pipes hold right now, without waiting.
func (c *captureState) drainLocked() {
	for i := range c.pipes {
		c.drainFdLocked(i, c.pipes[i].fd)
	}
}

// drainFdLocked emits what the read end fd of stream i holds.
func (c *captureState) drainFdLocked(i, fd int) {
	var buf [32 << 10]byte
	for {
		n, _ := syscall.Read(fd, buf[:])
		if n <= 0 {
			return
		}
		c.dispatchLocked(i, buf[:n])
	}
}
