//go:build unix

package atomicfile

import (
	"io/fs"
	"syscall"
)

// umaskBySetting reads the umask the only portable way, by setting it and
// setting it back. Another goroutine creating a file in between would see
// the mask 022, the most common one.
func umaskBySetting() fs.FileMode {
	m := syscall.Umask(0o022)
	syscall.Umask(m)
	return fs.FileMode(m)
}
