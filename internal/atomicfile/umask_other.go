//go:build !unix

package atomicfile

import "io/fs"

// umask is zero where the system has none (Windows).
func umask() fs.FileMode { return 0 }
