//go:build unix

package atomicfile

import (
	"io/fs"
	"os"
	"syscall"
)

// keepOwner gives the replacement f the owner and group of the file it
// replaces, when they differ and the process is allowed to (root replacing
// a user's notebook). Otherwise the new file is the writer's, as with any
// editor that saves by rename.
func keepOwner(f *os.File, old fs.FileInfo) {
	st, ok := old.Sys().(*syscall.Stat_t)
	if !ok {
		return
	}
	if int(st.Uid) != os.Geteuid() || int(st.Gid) != os.Getegid() {
		f.Chown(int(st.Uid), int(st.Gid)) // best effort: a user may not give files away
	}
}
