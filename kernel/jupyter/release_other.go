//go:build !linux

package jupyter

import "runtime/debug"

// releaseStartupPages returns freed heap memory to the system when heap is
// true. Unmapping the start-up's pages of the binary is Linux only
// (release_linux.go); it reports 0 bytes of mappings released.
func releaseStartupPages(heap bool) int {
	if heap {
		debug.FreeOSMemory()
	}
	return 0
}
