//go:build unix && !linux

package atomicfile

import "io/fs"

// umask returns the process's file mode creation mask.
func umask() fs.FileMode { return umaskBySetting() }
