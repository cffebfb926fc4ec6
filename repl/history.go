package repl

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"

	"github.com/nnbook/nnbook/internal/atomicfile"
)

// historyLimit is how many entries the history keeps, in memory and on disk.
const historyLimit = 1000

// history is the list of past entries, oldest first, mirrored in a file.
// Each entry is one item even when it spans several lines.
//
// File format: one entry per line, with backslash escapes for the two
// characters that would break that: "\\" for a backslash and "\n" for a
// newline. Plain one-line entries without backslashes are stored verbatim.
type history struct {
	path  string // "" keeps the history in memory only
	items []string
}

// historyPath returns $NNBOOK_HISTORY when set, else ~/.nnbook_history, else "".
func historyPath() string {
	if p := os.Getenv("NNBOOK_HISTORY"); p != "" {
		return p
	}
	home, err := os.UserHomeDir()
	if err != nil || home == "" {
		return ""
	}
	return filepath.Join(home, ".nnbook_history")
}

// loadHistory reads the history file at path (a missing file is an empty
// history) and trims it to historyLimit entries, rewriting it when it grew
// past twice that.
func loadHistory(path string) *history {
	h := &history{path: path}
	if path == "" {
		return h
	}
	f, err := os.Open(path)
	if err != nil {
		return h
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64*1024), 16<<20)
	lines := 0
	for sc.Scan() {
		lines++
		if item := decodeHistory(sc.Text()); strings.TrimSpace(item) != "" {
			h.items = append(h.items, item)
		}
	}
	if len(h.items) > historyLimit {
		h.items = h.items[len(h.items)-historyLimit:]
	}
	if lines > 2*historyLimit {
		h.rewrite()
	}
	return h
}

// add appends an entry, unless it repeats the previous one, and appends it to
// the file. It reports whether the entry was added.
func (h *history) add(entry string) bool {
	if strings.TrimSpace(entry) == "" {
		return false
	}
	if n := len(h.items); n > 0 && h.items[n-1] == entry {
		return false
	}
	h.items = append(h.items, entry)
	if len(h.items) > historyLimit {
		h.items = h.items[len(h.items)-historyLimit:]
	}
	if h.path != "" {
		f, err := os.OpenFile(h.path, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o600)
		if err == nil {
			f.WriteString(encodeHistory(entry) + "\n")
			f.Close()
		}
	}
	return true
}

// rewrite replaces the file with the entries in memory (atomically).
func (h *history) rewrite() {
	var b strings.Builder
	for _, it := range h.items {
		b.WriteString(encodeHistory(it))
		b.WriteByte('\n')
	}
	atomicfile.WriteFile(h.path, []byte(b.String()), 0o600)
}

// encodeHistory writes an entry on one line: backslash → \\, newline → \n,
// carriage return → \r.
func encodeHistory(entry string) string {
	if !strings.ContainsAny(entry, "\\\n\r") {
		return entry
	}
	var b strings.Builder
	for i := 0; i < len(entry); i++ {
		switch c := entry[i]; c {
		case '\\':
			b.WriteString(`\\`)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
			b.WriteString(`\r`)
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// decodeHistory is the inverse of encodeHistory. A backslash before any other
// character, or at the end of the line, stands for itself.
func decodeHistory(line string) string {
	if !strings.Contains(line, `\`) {
		return line
	}
	var b strings.Builder
	for i := 0; i < len(line); i++ {
		c := line[i]
		if c != '\\' || i+1 == len(line) {
			b.WriteByte(c)
			continue
		}
		switch line[i+1] {
		case '\\':
			b.WriteByte('\\')
		case 'n':
			b.WriteByte('\n')
		case 'r':
			b.WriteByte('\r')
		default:
			b.WriteByte('\\')
			continue
		}
		i++
	}
	return b.String()
}
