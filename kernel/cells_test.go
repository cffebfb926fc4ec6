package kernel

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

var update = flag.Bool("update", false, "rewrite the expected outputs of testdata/cells")

// section is one "-- name --" block of a cells file.
type section struct {
	name, body string
}

// parseSections reads a txtar-like file: a comment, then "-- cell --" and
// "-- out --" sections in pairs.
func parseSections(data string) (comment string, secs []section) {
	lines := strings.SplitAfter(data, "\n")
	cur := -1
	var b strings.Builder
	flush := func() {
		if cur < 0 {
			comment = b.String()
		} else {
			secs[cur].body = b.String()
		}
		b.Reset()
	}
	for _, l := range lines {
		t := strings.TrimRight(l, "\n")
		if strings.HasPrefix(t, "-- ") && strings.HasSuffix(t, " --") && len(t) > 6 {
			flush()
			secs = append(secs, section{name: strings.TrimSpace(t[3 : len(t)-3])})
			cur = len(secs) - 1
			continue
		}
		b.WriteString(l)
	}
	flush()
	return comment, secs
}

// render prints a cell's parts and error the way the .txt files expect:
// adjacent stream parts merged, each line prefixed by its stream.
func render(parts []Part, err error) string {
	var b strings.Builder
	var merged []Part
	for _, p := range parts {
		if n := len(merged); n > 0 && (p.Kind == Stdout || p.Kind == Stderr) && merged[n-1].Kind == p.Kind {
			merged[n-1].Text += p.Text
			continue
		}
		if n := len(merged); n > 0 && p.Kind == UpdateDisplay && merged[n-1].Kind == UpdateDisplay && merged[n-1].DisplayID == p.DisplayID {
			// How many updates a training run gets depends on the machine's speed.
			merged[n-1] = p
			continue
		}
		merged = append(merged, p)
	}
	for _, p := range merged {
		switch p.Kind {
		case Stdout, Stderr:
			for _, l := range strings.SplitAfter(p.Text, "\n") {
				if l == "" {
					continue
				}
				fmt.Fprintf(&b, "%s| %s", p.Kind, l)
				if !strings.HasSuffix(l, "\n") {
					b.WriteString("⏎\n")
				}
			}
		default:
			fmt.Fprintf(&b, "%s %s", p.Kind, p.Type)
			if p.DisplayID != "" && !strings.HasPrefix(p.DisplayID, "nnbook-") {
				fmt.Fprintf(&b, " id=%s", p.DisplayID)
			}
			if p.Wait {
				b.WriteString(" wait")
			}
			var rich []string
			for _, m := range mimeTypes(p.Data) {
				if m != "text/plain" {
					rich = append(rich, m)
				}
			}
			if len(rich) > 0 {
				fmt.Fprintf(&b, " [%s]", strings.Join(rich, " "))
			}
			fmt.Fprintf(&b, ": %s\n", p.Text)
		}
	}
	if err != nil {
		if ce, ok := err.(*CellError); ok {
			fmt.Fprintf(&b, "error %s: %s\n", ce.Name, ce.Error())
			for _, t := range ce.Traceback[1:] {
				fmt.Fprintf(&b, "trace| %s\n", strings.TrimSpace(t))
			}
		} else {
			fmt.Fprintf(&b, "error %T: %v\n", err, err)
		}
	}
	return b.String()
}

// matches compares output lines; an expected line ending in "..." matches
// any line with that prefix.
func matches(want, got string) bool {
	w := strings.Split(strings.TrimRight(want, "\n"), "\n")
	g := strings.Split(strings.TrimRight(got, "\n"), "\n")
	if len(w) != len(g) {
		return false
	}
	for i := range w {
		if strings.HasSuffix(w[i], "...") {
			if !strings.HasPrefix(g[i], strings.TrimSuffix(w[i], "...")) {
				return false
			}
		} else if w[i] != g[i] {
			return false
		}
	}
	return true
}

// TestCells runs every testdata/cells/*.txt file in a fresh engine, cell by
// cell, comparing each cell's output with the "-- out --" section after it.
func TestCells(t *testing.T) {
	files, _ := filepath.Glob("testdata/cells/*.txt")
	if len(files) == 0 {
		t.Fatal("no testdata/cells/*.txt")
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txt"), func(t *testing.T) {
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			comment, secs := parseSections(string(data))
			e, err := New()
			if err != nil {
				t.Fatal(err)
			}
			changed := false
			for i := 0; i < len(secs); i++ {
				if secs[i].name != "cell" {
					t.Fatalf("section %d is %q, want cell", i, secs[i].name)
				}
				code := secs[i].body
				var parts []Part
				ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
				err := e.Execute(ctx, code, func(p Part) { parts = append(parts, p) })
				cancel()
				got := render(parts, err)
				if i+1 < len(secs) && secs[i+1].name == "out" {
					if !matches(secs[i+1].body, got) {
						if *update {
							secs[i+1].body = got
							changed = true
						} else {
							t.Errorf("cell %d:\n%s\ngot:\n%s\nwant:\n%s", i/2+1, code, got, secs[i+1].body)
						}
					}
					i++
				} else if *update {
					secs = append(secs[:i+1], append([]section{{"out", got}}, secs[i+1:]...)...)
					changed = true
					i++
				} else {
					t.Errorf("cell %d has no out section; got:\n%s", i/2+1, got)
				}
			}
			if changed {
				var b strings.Builder
				b.WriteString(comment)
				for _, s := range secs {
					fmt.Fprintf(&b, "-- %s --\n%s", s.name, s.body)
				}
				os.WriteFile(file, []byte(b.String()), 0o644)
			}
		})
	}
}
