package atomicfile

import (
	"bufio"
	"io/fs"
	"os"
	"strconv"
	"strings"
)

// umask returns the process's file mode creation mask. Linux reports it in
// /proc/self/status, which reads it without changing it (syscall.Umask can
// only read by setting, racing with other goroutines creating files).
func umask() fs.FileMode {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return umaskBySetting()
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if v, ok := strings.CutPrefix(sc.Text(), "Umask:"); ok {
			if m, err := strconv.ParseUint(strings.TrimSpace(v), 8, 32); err == nil {
				return fs.FileMode(m)
			}
		}
	}
	return umaskBySetting()
}
