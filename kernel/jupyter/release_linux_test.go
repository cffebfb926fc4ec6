package jupyter

import (
	"hash/crc32"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"codeberg.org/go-fonts/liberation/liberationserifregular"
)

// A piece of a real /proc/PID/smaps (nnbook kernel, Linux 6.18), shortened
// to the fields the parser reads and a few it must skip.
const smapsSample = `00400000-008eb000 r--p 00000000 00:2a 1183 /usr/local/bin/nnbook
Size:               5036 kB
Rss:                1964 kB
Anonymous:             0 kB
VmFlags: rd mr mw me dw sd
008eb000-016bd000 r-xp 004eb000 00:2a 1183 /usr/local/bin/nnbook
Rss:               10568 kB
Anonymous:             0 kB
024cc000-024cd000 r--p 020cb000 00:2a 1183 /usr/local/bin/nnbook
Rss:                   4 kB
Anonymous:             4 kB
024cd000-02a46000 rw-p 020cc000 00:2a 1183 /usr/local/bin/nnbook
Rss:                2832 kB
Anonymous:           128 kB
ad6fe000000-ad6fec00000 rw-p 00000000 00:00 0
Anonymous:          4340 kB
7fbf27404000-7fbf2742a000 r--p 00000000 00:2a 77 /usr/lib/x86_64-linux-gnu/libc.so.6
Anonymous:             0 kB
7fbf275d3000-7fbf275d7000 r--p 001ce000 00:2a 77 /usr/lib/x86_64-linux-gnu/libc.so.6
Anonymous:            16 kB
7ffd1b7e6000-7ffd1b7ea000 r--p 00000000 00:00 0                          [vvar]
Anonymous:             0 kB
7ffd1b7ea000-7ffd1b7ec000 r-xp 00000000 00:00 0                          [vdso]
Anonymous:             0 kB
7fbf27600000-7fbf27601000 r--s 00000000 00:2a 90 /dev/shm/x
Anonymous:             0 kB
`

func TestCleanFileMappings(t *testing.T) {
	tests := []struct {
		name  string
		smaps string
		want  []mapping
	}{
		{"sample: the binary's code and read-only data, libc's clean part", smapsSample, []mapping{
			{0x400000, 0x8eb000}, {0x8eb000, 0x16bd000}, {0x7fbf27404000, 0x7fbf2742a000},
		}},
		{"empty", "", nil},
		{"header without fields", "00400000-008eb000 r--p 00000000 00:2a 1183 /bin/x\n", nil},
		{"written page in a read-only mapping (relocated, a breakpoint)", "1000-2000 r-xp 0 00:1 2 /bin/x\nAnonymous: 4 kB\n", nil},
		{"writable", "1000-2000 rw-p 0 00:1 2 /bin/x\nAnonymous: 0 kB\n", nil},
		{"anonymous memory", "1000-2000 r--p 0 00:00 0\nAnonymous: 0 kB\n", nil},
		{"backwards range", "2000-1000 r--p 0 00:1 2 /bin/x\nAnonymous: 0 kB\n", nil},
		{"not hexadecimal", "10g0-2000 r--p 0 00:1 2 /bin/x\nAnonymous: 0 kB\n", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := cleanFileMappings(strings.NewReader(tt.smaps))
			if len(got) != len(tt.want) {
				t.Fatalf("got %x, want %x", got, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("mapping %d: got %x, want %x", i, got[i], tt.want[i])
				}
			}
		})
	}
}

// FuzzCleanFileMappings: whatever smaps holds, the parser does not panic
// and returns only non-empty ranges, at most one per Anonymous line.
func FuzzCleanFileMappings(f *testing.F) {
	f.Add(smapsSample)
	f.Add("1000-2000 r--p 0 00:1 2 /bin/x\nAnonymous: 0 kB\n")
	f.Fuzz(func(t *testing.T, smaps string) {
		got := cleanFileMappings(strings.NewReader(smaps))
		if n := strings.Count(smaps, "Anonymous:"); len(got) > n {
			t.Errorf("%d mappings from %d Anonymous lines", len(got), n)
		}
		for _, m := range got {
			if m.start >= m.end {
				t.Errorf("empty range %x", m)
			}
		}
	})
}

// statusKiB reads a "Field: N kB" line of /proc/self/status.
func statusKiB(t *testing.T, field string) int {
	t.Helper()
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		t.Skipf("no /proc/self/status: %v", err)
	}
	for _, line := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(line, field+":"); ok {
			n, err := strconv.Atoi(strings.Fields(v)[0])
			if err != nil {
				t.Fatalf("%s: %v", line, err)
			}
			return n
		}
	}
	t.Fatalf("no %s in /proc/self/status", field)
	return 0
}

// TestReleaseStartupPages releases the test binary's own start-up pages:
// its resident file pages drop, and code and read-only data still work
// after (pages come back from the file).
func TestReleaseStartupPages(t *testing.T) {
	before := statusKiB(t, "RssFile")
	start := time.Now()
	released := releaseStartupPages(false)
	took := time.Since(start)
	after := statusKiB(t, "RssFile")
	t.Logf("RssFile %d kB -> %d kB; %d kB of mappings released in %v", before, after, released/1024, took)
	if released == 0 {
		t.Fatal("released no mapping")
	}
	if after >= before {
		t.Errorf("RssFile did not drop: %d kB before, %d kB after", before, after)
	}
	// The code and data released are mapped again on use: parsing the
	// process's smaps again finds the same mappings.
	f, err := os.Open("/proc/self/smaps")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if again := cleanFileMappings(f); len(again) == 0 {
		t.Error("after the release, no clean file mapping is left in /proc/self/smaps")
	}
}

// TestReleaseUnwritten releases the pages of an embedded font, which
// nothing writes: they read back the same from the binary.
func TestReleaseUnwritten(t *testing.T) {
	ttf := liberationserifregular.TTF
	before := crc32.ChecksumIEEE(ttf)
	n := releaseUnwritten(ttf)
	if n < len(ttf)-2*os.Getpagesize() {
		t.Errorf("released %d bytes of a %d-byte font, want all its whole pages", n, len(ttf))
	}
	if after := crc32.ChecksumIEEE(ttf); after != before {
		t.Errorf("font's checksum %08x after the release, %08x before", after, before)
	}
}

// written is initialised data of the binary, so its pages are mapped from
// the file until written.
var written = [4 * 4096]byte{0: 1, 4*4096 - 1: 1}

// TestReleaseUnwrittenKeepsWrittenPages: data written since start-up is a
// private copy and is never released (it would read back as the file's).
func TestReleaseUnwrittenKeepsWrittenPages(t *testing.T) {
	written[2*4096] = 42
	if n := releaseUnwritten(written[:]); n != 0 {
		t.Errorf("released %d bytes of written data", n)
	}
	if written[2*4096] != 42 {
		t.Errorf("written byte is %d after the release, want 42", written[2*4096])
	}
}
