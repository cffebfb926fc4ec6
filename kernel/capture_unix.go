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
			r, w, err := os.Pipe()
			if err != nil {
				capErr = err
				return
			}
			capture.pipes[i].r, capture.pipes[i].w = r, w
			capture.pipes[i].fd = int(r.Fd())
			// Fd() puts the descriptor in blocking mode; we want reads that
			// never wait while holding the lock.
			if err := syscall.SetNonblock(capture.pipes[i].fd, true); err != nil {
				capErr = err
				return
			}
		}
		for i := range capture.pipes {
			go capture.pump(i)
		}
	})
	return capErr
}

// redirectLocked points os.Stdout/os.Stderr at the pipes.
func (c *captureState) redirectLocked() {
	os.Stdout, os.Stderr = c.pipes[0].w, c.pipes[1].w
}

// pump reads pipe i forever.
func (c *captureState) pump(i int) {
	p := &c.pipes[i]
	buf := make([]byte, 32<<10)
	for {
		c.mu.Lock()
		n, err := syscall.Read(p.fd, buf)
		if n > 0 {
			c.dispatchLocked(i, buf[:n])
		}
		c.mu.Unlock()
		if n > 0 {
			continue
		}
		if err != nil && !errors.Is(err, syscall.EAGAIN) && !errors.Is(err, syscall.EINTR) {
			return
		}
		waitReadable(p.fd)
	}
}

// drainLocked emits whatever the pipes hold right now, without waiting.
func (c *captureState) drainLocked() {
	var buf [32 << 10]byte
	for i := range c.pipes {
		for {
			n, _ := syscall.Read(c.pipes[i].fd, buf[:])
			if n <= 0 {
				break
			}
			c.dispatchLocked(i, buf[:n])
		}
	}
}
