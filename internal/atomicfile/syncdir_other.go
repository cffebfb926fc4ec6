//go:build !unix

package atomicfile

// syncDir does nothing where directories cannot be synced (Windows).
func syncDir(string) error { return nil }
