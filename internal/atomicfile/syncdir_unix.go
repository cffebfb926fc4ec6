//go:build unix

package atomicfile

import "os"

// syncDir flushes dir's entries (the rename) to disk.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	return d.Sync()
}
