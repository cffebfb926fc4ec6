package jupyter

import (
	"bufio"
	"encoding/binary"
	"io"
	"os"
	"runtime/debug"
	"strconv"
	"strings"
	"unsafe"

	"golang.org/x/sys/unix"
)

// Releasing start-up pages.
//
// Most of a fresh kernel's resident memory is not its heap but pages of its
// own binary: the code and read-only data that the dynamic loader (the
// symbol tables the plugin support of compiled cells exports), the package
// initialisers of everything linked in (gonum/plot parses all twelve
// Liberation fonts at init) and the engine's start-up touched once. They are
// clean pages of a file mapped read-only, which Linux may drop whenever it
// likes and maps again from the page cache on the next access. The kernel
// drops them itself once, before the engine starts and once it has started,
// so that its resident set is what its cells use rather than what starting
// it touched, and returns the start-up's freed heap to the system.
// Afterwards a page a cell needs costs one minor fault the first time.

// releaseStartupPages unmaps the clean read-only file pages of the process
// and, when heap is true, returns freed heap memory to the system. It
// reports how many bytes of mappings it released (0 where it could not read
// /proc/self/smaps).
func releaseStartupPages(heap bool) int {
	if heap {
		debug.FreeOSMemory()
	}
	f, err := os.Open("/proc/self/smaps")
	if err != nil {
		return 0
	}
	ms := cleanFileMappings(f)
	f.Close()
	released := 0
	for _, m := range ms {
		// MADV_DONTNEED on a private file mapping none of whose pages
		// was ever written only unmaps them: the next access maps the
		// file's page again. Errors (a locked mapping) leave it as is.
		if _, _, errno := unix.Syscall(unix.SYS_MADVISE, m.start, m.end-m.start, unix.MADV_DONTNEED); errno == 0 {
			released += int(m.end - m.start)
		}
	}
	for _, b := range embeddedFonts {
		released += releaseUnwritten(b)
	}
	return released
}

// releaseUnwritten unmaps the whole pages inside b, data of the binary that
// nothing writes (the embedded font files) but that lives in a writable
// mapping, when none of them was ever written (checked in
// /proc/self/pagemap: a written page is a private copy, and releasing it
// would lose what was written). It reports the bytes released.
func releaseUnwritten(b []byte) int {
	const page = 4096
	if len(b) == 0 || os.Getpagesize() != page {
		return 0
	}
	addr := uintptr(unsafe.Pointer(unsafe.SliceData(b)))
	start := (addr + page - 1) &^ (page - 1)
	end := (addr + uintptr(len(b))) &^ (page - 1)
	if end <= start {
		return 0
	}
	f, err := os.Open("/proc/self/pagemap")
	if err != nil {
		return 0
	}
	defer f.Close()
	n := int((end - start) / page)
	entries := make([]byte, 8*n)
	if _, err := f.ReadAt(entries, int64(start/page*8)); err != nil {
		return 0
	}
	for i := 0; i < n; i++ {
		e := binary.LittleEndian.Uint64(entries[8*i:])
		present, swapped, file := e&(1<<63) != 0, e&(1<<62) != 0, e&(1<<61) != 0
		if swapped || present && !file {
			return 0
		}
	}
	if _, _, errno := unix.Syscall(unix.SYS_MADVISE, start, end-start, unix.MADV_DONTNEED); errno != 0 {
		return 0
	}
	return int(end - start)
}

// A mapping is an address range of the process.
type mapping struct {
	start, end uintptr
}

// cleanFileMappings reads /proc/PID/smaps and returns the mappings that are
// safe to release: backed by a file (a path), not writable, and without a
// single anonymous page (a page written since mapping it, such as the
// relocated read-only data the loader protects after writing, or a
// debugger's breakpoint, would be lost and is never released).
func cleanFileMappings(smaps io.Reader) []mapping {
	var out []mapping
	var cur mapping
	candidate := false
	sc := bufio.NewScanner(smaps)
	sc.Buffer(make([]byte, 0, 4096), 1<<16)
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) == 0 {
			continue
		}
		if start, end, ok := parseRange(fields[0]); ok && len(fields) >= 5 {
			// A mapping's header: range, perms, offset, dev, inode[, path].
			perms := fields[1]
			cur = mapping{start, end}
			candidate = len(fields) >= 6 && strings.HasPrefix(fields[5], "/") &&
				len(perms) == 4 && perms[0] == 'r' && perms[1] == '-' && perms[3] == 'p'
			continue
		}
		if !candidate || fields[0] != "Anonymous:" || len(fields) < 2 {
			continue
		}
		candidate = false
		if fields[1] == "0" {
			out = append(out, cur)
		}
	}
	return out
}

// parseRange parses smaps' "start-end" (hexadecimal) address range.
func parseRange(s string) (start, end uintptr, ok bool) {
	a, b, found := strings.Cut(s, "-")
	if !found {
		return 0, 0, false
	}
	x, err1 := strconv.ParseUint(a, 16, 64)
	y, err2 := strconv.ParseUint(b, 16, 64)
	if err1 != nil || err2 != nil || y <= x {
		return 0, 0, false
	}
	return uintptr(x), uintptr(y), true
}
