package repl

import (
	"encoding/json"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzParseMeta: any line parses without panicking; a known command
// formatted by formatMeta parses back to the same name and argument.
func FuzzParseMeta(f *testing.F) {
	for _, s := range []string{":help", ":load x.go", `:save "a b.go"`, ":doc\tnnlib.New", ": q", ":", "x := 1", `:load "\x00"`, ":LOAD  \u00a0x\u00a0"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, line string) {
		name, arg, known, ok := parseMeta(line)
		if ok != isMeta(line) {
			t.Fatalf("parseMeta(%q) ok=%v but isMeta=%v", line, ok, isMeta(line))
		}
		if !known {
			return
		}
		back := formatMeta(name, arg)
		n2, a2, k2, ok2 := parseMeta(back)
		if n2 != name || a2 != arg || !k2 || !ok2 {
			t.Fatalf("%q → (%q, %q) → %q → (%q, %q, %v, %v)", line, name, arg, back, n2, a2, k2, ok2)
		}
	})
}

// FuzzHistoryEncoding: every entry survives the history file's one-line
// encoding.
func FuzzHistoryEncoding(f *testing.F) {
	for _, s := range []string{"x := 1", "for {\n}", `a\nb`, "\\", "\r\n", `fmt.Println("\\n")`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, entry string) {
		enc := encodeHistory(entry)
		if strings.ContainsAny(enc, "\n\r") {
			t.Fatalf("encoding of %q spans lines: %q", entry, enc)
		}
		if dec := decodeHistory(enc); dec != entry {
			t.Fatalf("%q → %q → %q", entry, enc, dec)
		}
		_ = decodeHistory(entry) // any line decodes
	})
}

// FuzzSplitter: splitting loses no line and keeps order; each entry starts
// on the line it says.
func FuzzSplitter(f *testing.F) {
	for _, s := range []string{"a\nb", "f {\n}\n", "}\n{", "// c\n\nx", "/* open\nx"} {
		f.Add(s)
	}
	eng := &fakeEngine{}
	f.Fuzz(func(t *testing.T, src string) {
		if !utf8.ValidString(src) {
			return
		}
		lines := strings.Split(src, "\n")
		sp := &splitter{isComplete: eng.IsComplete}
		var got []entry
		for _, l := range lines {
			if e, ok := sp.add(l); ok {
				got = append(got, e)
			}
		}
		if e, ok := sp.flush(); ok {
			got = append(got, e)
		}
		next := 1
		for _, e := range got {
			if e.line < next {
				t.Fatalf("entry at line %d after line %d", e.line, next)
			}
			el := strings.Split(e.code, "\n")
			if strings.Join(lines[e.line-1:e.line-1+len(el)], "\n") != e.code {
				t.Fatalf("entry %q is not lines %d.. of the input", e.code, e.line)
			}
			for _, skipped := range lines[next-1 : e.line-1] {
				if !onlyComments(skipped) {
					t.Fatalf("line %q was dropped", skipped)
				}
			}
			next = e.line + len(el)
		}
	})
}

// FuzzParseNotebook: any bytes give code cells or an error, never a panic;
// a notebook written from the code cells reads back the same.
func FuzzParseNotebook(f *testing.F) {
	f.Add([]byte(`{"cells":[{"cell_type":"code","source":["x := 1\n","x"]},{"cell_type":"markdown","source":"# t"}],"nbformat":4}`))
	f.Add([]byte(`{"cells":[{"cell_type":"code","source":"a"},{"cell_type":"code"}]}`))
	f.Add([]byte(`{"cells":[{"cell_type":"code","source":3}]}`))
	f.Add([]byte(`[]`))
	f.Fuzz(func(t *testing.T, data []byte) {
		cells, err := parseNotebook(data)
		if err != nil {
			return
		}
		var b strings.Builder
		b.WriteString(`{"cells":[`)
		for i, c := range cells {
			if i > 0 {
				b.WriteByte(',')
			}
			src, _ := json.Marshal(c)
			b.WriteString(`{"cell_type":"code","source":` + string(src) + `}`)
		}
		b.WriteString(`]}`)
		back, err := parseNotebook([]byte(b.String()))
		if err != nil || len(back) != len(cells) {
			t.Fatalf("round trip of %q: %q, %v", cells, back, err)
		}
		for i := range back {
			if back[i] != cells[i] && utf8.ValidString(cells[i]) {
				t.Fatalf("cell %d: %q became %q", i, cells[i], back[i])
			}
		}
	})
}
