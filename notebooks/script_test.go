package notebooks

import (
	"fmt"
	"strings"
	"testing"
)

func TestReadScript(t *testing.T) {
	tests := []struct {
		name, src string
		want      []string // "type:source"
	}{
		{"no markers", "x := 1\nx\n", []string{"code:x := 1\nx"}},
		{"empty", "", nil},
		{"preamble", "package main\n\n// %%\na\n", []string{"code:package main", "code:a"}},
		{"kinds", "// %% [markdown]\n// # T\n//\n//   indented\n// %% [raw]\n// r\n// %% title here\nb\n\n\n// %% [md]\n// m\n", []string{"markdown:# T\n\n  indented", "raw:r", "code:b", "markdown:m"}},
		{"empty cell", "// %%\n// %%\nx\n", []string{"code:", "code:x"}},
		{"not a marker", "// %%% no\n//%%\nx\n", []string{"code:// %%% no", "code:x"}},
		{"crlf", "// %%\r\na\r\n", []string{"code:a"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			nb := ReadScript([]byte(tt.src))
			var got []string
			for _, c := range nb.Cells {
				got = append(got, c.Type+":"+c.Source)
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("cells\n got %q\nwant %q", got, tt.want)
			}
			for _, c := range nb.Cells {
				if !cellIDPattern.MatchString(c.ID) {
					t.Errorf("cell id %q", c.ID)
				}
			}
		})
	}
}

func TestScriptRoundTrip(t *testing.T) {
	src := "// %% [markdown]\n// # T\n//\n// text\n\n// %%\nx := 1\n\n// %% [raw]\n// raw\n"
	nb := ReadScript([]byte(src))
	if got := string(nb.WriteScript()); got != src {
		t.Errorf("WriteScript\n got %q\nwant %q", got, src)
	}
}

func ExampleReadScript() {
	nb := ReadScript([]byte(`// %% [markdown]
// # Hello
// %%
fmt.Println("hi")
`))
	fmt.Println(nb)
	for _, c := range nb.Cells {
		fmt.Printf("%s: %q\n", c.Type, c.Source)
	}
	// Output:
	// Notebook(nbformat 4.5, 2 cells: 1 code, 1 markdown)
	// markdown: "# Hello"
	// code: "fmt.Println(\"hi\")"
}

// FuzzReadScript checks that ReadScript never panics and that a notebook
// read from a script survives WriteScript → ReadScript unchanged.
func FuzzReadScript(f *testing.F) {
	f.Add("// %% [markdown]\n// # T\n//\n// text\n\n// %%\nx := 1\n")
	f.Add("//go:build ignore\n\n// %%\na\n// %% [raw]\n// r\n")
	f.Add("x\r\n// %%\r\n\r\n")
	f.Fuzz(func(t *testing.T, src string) {
		nb := ReadScript([]byte(src))
		for _, c := range nb.Cells {
			for _, l := range strings.Split(c.Source, "\n") {
				if _, ok := marker("// " + strings.TrimSpace(l)); ok && c.Type != "code" {
					t.Skip("a text line starting with %% cannot be written as a comment (documented)")
				}
			}
		}
		again := ReadScript(nb.WriteScript())
		if len(again.Cells) != len(nb.Cells) {
			t.Fatalf("%d cells, %d after a round trip\nscript: %q\nwritten: %q", len(nb.Cells), len(again.Cells), src, nb.WriteScript())
		}
		for i := range nb.Cells {
			a, b := nb.Cells[i], again.Cells[i]
			if a.Type != b.Type || a.Source != b.Source {
				t.Fatalf("cell %d: %s %q became %s %q\nscript: %q", i+1, a.Type, a.Source, b.Type, b.Source, src)
			}
		}
	})
}
