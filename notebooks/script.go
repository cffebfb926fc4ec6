package notebooks

import (
	"strings"

	"github.com/nnbook/nnbook/kernel"
)

// SetKernelMetadata stores nnbook's kernelspec and language_info in the
// notebook metadata, matching what the Jupyter kernel reports, so the notebook
// opens in Jupyter with the nnbook kernel.
func (nb *Notebook) SetKernelMetadata() {
	if nb.Metadata == nil {
		nb.Metadata = Metadata{}
	}
	nb.Metadata.Set("kernelspec", map[string]string{
		"name":         "nnbook",
		"display_name": "Go (nnbook)",
		"language":     "go",
	})
	nb.Metadata.Set("language_info", kernel.LanguageInfo())
}

// ReadScript parses a Go script whose cells are separated by "// %%" lines,
// the percent format of jupytext and VS Code:
//
//	// %% [markdown]
//	// # A title
//	// Some *text*.
//
//	// %%
//	x := 6 * 7
//	x
//
// A "// %% [markdown]" (or "[md]") cell holds comment lines whose "// "
// prefix is removed; "// %% [raw]" makes a raw cell; any other "// %%" line
// (optionally followed by a title) starts a code cell. Lines before the first
// marker form a code cell when they hold anything besides a //go:build line.
// Blank lines around each cell are dropped. The result is an nbformat 4.5
// notebook with nnbook's kernel metadata and deterministic cell ids.
func ReadScript(src []byte) *Notebook {
	nb := New()
	text := strings.ReplaceAll(strings.ReplaceAll(string(src), "\r\n", "\n"), "\r", "\n")
	lines := strings.Split(text, "\n")
	cellType := "code"
	var body []string
	bodyStart := 1 // file line of body[0]
	started := false
	nb.startLines = map[int]int{}
	flush := func() {
		out := body
		if cellType != "code" {
			out = make([]string, len(body))
			for i, l := range body {
				out[i] = uncomment(l)
			}
		}
		// Drop blank lines at both ends.
		for len(out) > 0 && strings.TrimSpace(out[0]) == "" {
			out = out[1:]
			bodyStart++
		}
		for len(out) > 0 && strings.TrimSpace(out[len(out)-1]) == "" {
			out = out[:len(out)-1]
		}
		if !started && len(out) == 0 {
			return
		}
		c := &Cell{Type: cellType, Source: strings.Join(out, "\n"), Metadata: Metadata{}}
		nb.startLines[len(nb.Cells)] = bodyStart
		nb.Cells = append(nb.Cells, c)
	}
	for i, l := range lines {
		t := strings.TrimSpace(l)
		if i == 0 && strings.HasPrefix(t, "//go:build") {
			bodyStart = 2
			continue
		}
		if kind, ok := marker(t); ok {
			flush()
			started = true
			cellType = kind
			body = nil
			bodyStart = i + 2
			continue
		}
		body = append(body, l)
	}
	flush()
	nb.EnsureIDs()
	return nb
}

// HasCellMarkers reports whether a Go file has a "// %%" cell marker line:
// such a file is a script of cells ("nnbook run" writes it as a notebook),
// any other Go file is a program ("nnbook run" runs it as "go run" does).
func HasCellMarkers(src []byte) bool {
	for _, l := range strings.Split(string(src), "\n") {
		if _, ok := marker(strings.TrimSpace(l)); ok {
			return true
		}
	}
	return false
}

// marker reports whether the trimmed line t is a "// %%" cell marker and the
// kind of cell it starts.
func marker(t string) (string, bool) {
	rest, ok := strings.CutPrefix(t, "//")
	if !ok {
		return "", false
	}
	rest = strings.TrimSpace(rest)
	rest, ok = strings.CutPrefix(rest, "%%")
	if !ok || strings.HasPrefix(rest, "%") {
		return "", false
	}
	rest = strings.TrimSpace(rest)
	switch {
	case strings.HasPrefix(rest, "[markdown]"), strings.HasPrefix(rest, "[md]"):
		return "markdown", true
	case strings.HasPrefix(rest, "[raw]"):
		return "raw", true
	}
	return "code", true
}

// uncomment removes a leading "// " (or "//") from a markdown line.
func uncomment(l string) string {
	t := strings.TrimLeft(l, " \t")
	if r, ok := strings.CutPrefix(t, "// "); ok {
		return r
	}
	if r, ok := strings.CutPrefix(t, "//"); ok {
		return r
	}
	return l
}

// WriteScript renders the notebook as a "// %%" Go script (outputs dropped),
// the inverse of ReadScript. A markdown or raw line that itself starts with
// "%%" would read back as a cell marker; such lines are the one thing that
// does not survive the round trip.
func (nb *Notebook) WriteScript() []byte {
	var b strings.Builder
	for i, c := range nb.Cells {
		if i > 0 {
			b.WriteString("\n")
		}
		switch c.Type {
		case "code":
			b.WriteString("// %%\n")
			if c.Source != "" {
				b.WriteString(strings.TrimRight(c.Source, "\n"))
				b.WriteString("\n")
			}
		default:
			b.WriteString("// %% [" + c.Type + "]\n")
			if c.Source != "" {
				for _, l := range strings.Split(strings.TrimRight(c.Source, "\n"), "\n") {
					if l == "" {
						b.WriteString("//\n")
					} else {
						b.WriteString("// " + l + "\n")
					}
				}
			}
		}
	}
	return []byte(b.String())
}
