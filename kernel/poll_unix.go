//go:build unix

package kernel

import "golang.org/x/sys/unix"

// waitReadable blocks until fd has data (or an error/hangup), or 100 ms pass.
func waitReadable(fd int) {
	fds := []unix.PollFd{{Fd: int32(fd), Events: unix.POLLIN}}
	unix.Poll(fds, 100)
}
