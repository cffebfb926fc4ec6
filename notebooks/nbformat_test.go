package notebooks

import (
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
)

// An nbformat 4.4 notebook as Jupyter writes it, with source as a string in
// one cell, unknown metadata and an unknown cell key.
const legacyNotebook = `{
 "cells": [
  {"cell_type": "markdown", "metadata": {"tags": ["intro"]}, "source": "# Title\nSome text"},
  {"cell_type": "code", "execution_count": 3, "metadata": {"collapsed": false, "custom": {"x": [1, 2]}},
   "outputs": [
    {"output_type": "stream", "name": "stdout", "text": ["a\n", "b\n"]},
    {"output_type": "execute_result", "execution_count": 3, "data": {"text/plain": ["42"]}, "metadata": {}},
    {"output_type": "display_data", "data": {"image/png": "iVBORw0KGgo=", "text/plain": "fig"}, "metadata": {"image/png": {"width": 10}}},
    {"output_type": "error", "ename": "E", "evalue": "v", "traceback": ["t1", "t2"]}
   ],
   "source": ["x := 1\n", "x + 41"]},
  {"cell_type": "raw", "metadata": {}, "source": []}
 ],
 "metadata": {"kernelspec": {"name": "other", "display_name": "Other", "language": "go"}, "authors": [{"name": "Ada"}], "weird": null},
 "nbformat": 4,
 "nbformat_minor": 4,
 "something_new": {"kept": true}
}`

func TestReadKeepsEverything(t *testing.T) {
	nb, err := Read([]byte(legacyNotebook))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := nb.String(), "Notebook(nbformat 4.4, 3 cells: 1 code, 1 markdown, 1 raw)"; got != want {
		t.Errorf("String() = %q, want %q", got, want)
	}
	code := nb.Cells[1]
	if code.Source != "x := 1\nx + 41" || *code.ExecutionCount != 3 || len(code.Outputs) != 4 {
		t.Fatalf("code cell read wrong: %v", code)
	}
	if got := code.Outputs[0].Text; got != "a\nb\n" {
		t.Errorf("stream text = %q", got)
	}
	if got := code.Outputs[1].PlainText(); got != "42" {
		t.Errorf("execute_result text = %q", got)
	}
	out, err := nb.Write()
	if err != nil {
		t.Fatal(err)
	}
	s := string(out)
	for _, want := range []string{`"authors": [`, `"weird": null`, `"something_new": {`, `"custom": {`, `"width": 10`, `"tags": [`, `"# Title\n",`} {
		if !strings.Contains(s, want) {
			t.Errorf("written notebook lacks %s:\n%s", want, s)
		}
	}
	if strings.Contains(s, `"id"`) {
		t.Errorf("nbformat 4.4 notebook got cell ids (invalid before 4.5):\n%s", s)
	}
	// A second round trip is byte-identical.
	nb2, err := Read(out)
	if err != nil {
		t.Fatal(err)
	}
	out2, _ := nb2.Write()
	if string(out2) != s {
		t.Errorf("round trip changed the notebook:\n%s\n---\n%s", s, out2)
	}
	// nbformat's schema forbids unknown top-level keys; validate without it.
	delete(nb2.Extra, "something_new")
	out3, _ := nb2.Write()
	p := writeFile(t, t.TempDir(), "legacy.ipynb", string(out3))
	validateNbformat(t, p)
}

func TestWriteIsNbformatStyle(t *testing.T) {
	nb := New()
	nb.Cells = []*Cell{{Type: "markdown", Source: "a <b> & \"c\" é\nline 2"}, {Type: "code", Source: ""}}
	nb.EnsureIDs()
	out, err := nb.Write()
	if err != nil {
		t.Fatal(err)
	}
	s := string(out)
	for _, want := range []string{
		"{\n \"cells\": [\n  {\n   \"cell_type\": \"markdown\",\n   \"id\": ",
		`"a <b> & \"c\" é\n",`,
		`"nbformat_minor": 5`,
		`"display_name": "Go (nnbook)"`,
		`"codemirror_mode": "go"`,
		`"execution_count": null`,
		`"source": []`,
	} {
		if !strings.Contains(s, want) {
			t.Errorf("written notebook lacks %q:\n%s", want, s)
		}
	}
	if !strings.HasSuffix(s, "}\n") {
		t.Errorf("no final newline")
	}
	p := writeFile(t, t.TempDir(), "new.ipynb", s)
	validateNbformat(t, p)
}

func TestEnsureIDs(t *testing.T) {
	nb := New()
	nb.Cells = []*Cell{{Type: "code", Source: "a", ID: "dup"}, {Type: "code", Source: "a", ID: "dup"}, {Type: "code", Source: "a", ID: "bad id!"}, {Type: "code", Source: "a"}}
	nb.EnsureIDs()
	seen := map[string]bool{}
	for i, c := range nb.Cells {
		if !cellIDPattern.MatchString(c.ID) || seen[c.ID] {
			t.Errorf("cell %d: id %q invalid or repeated", i+1, c.ID)
		}
		seen[c.ID] = true
	}
	if nb.Cells[0].ID != "dup" {
		t.Errorf("a valid id was replaced: %q", nb.Cells[0].ID)
	}
	// Deterministic.
	nb2 := New()
	nb2.Cells = []*Cell{{Type: "code", Source: "a", ID: "dup"}, {Type: "code", Source: "a", ID: "dup"}, {Type: "code", Source: "a", ID: "bad id!"}, {Type: "code", Source: "a"}}
	nb2.EnsureIDs()
	for i := range nb.Cells {
		if nb.Cells[i].ID != nb2.Cells[i].ID {
			t.Errorf("cell %d: ids differ between runs: %s %s", i+1, nb.Cells[i].ID, nb2.Cells[i].ID)
		}
	}
}

func TestReadMalformed(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"empty", ``, "not valid JSON"},
		{"truncated", "{\n \"cells\": [\n", "line 3 column 1: not valid JSON"},
		{"syntax", "{\n \"cells\": [},\n}", "line 2 column 12: not valid JSON"},
		{"array", `[1, 2]`, "expected a JSON object (a notebook), got a list"},
		{"null", `null`, "expected a JSON object (a notebook), got null"},
		{"no nbformat", `{"cells": []}`, `the key "nbformat" is missing`},
		{"v3", `{"nbformat": 3, "nbformat_minor": 0, "worksheets": []}`, "nbformat: expected version 4, got 3"},
		{"string format", `{"nbformat": "4", "nbformat_minor": 5, "cells": []}`, "nbformat: expected an integer, got a string"},
		{"no minor", `{"nbformat": 4, "cells": []}`, `"nbformat_minor" is missing`},
		{"no cells", `{"nbformat": 4, "nbformat_minor": 5, "metadata": {}}`, `the key "cells" is missing`},
		{"cells object", `{"nbformat": 4, "nbformat_minor": 5, "cells": {}}`, "cells: expected a list, got an object"},
		{"metadata list", `{"nbformat": 4, "nbformat_minor": 5, "cells": [], "metadata": []}`, "metadata: expected an object, got a list"},
		{"cell not object", `{"nbformat": 4, "nbformat_minor": 5, "cells": [1]}`, "cell 1: expected an object, got a number"},
		{"cell type", `{"nbformat": 4, "nbformat_minor": 5, "cells": [{"cell_type": "heading", "source": ""}]}`, `cell 1: cell_type: expected code, markdown or raw, got "heading"`},
		{"no source", `{"nbformat": 4, "nbformat_minor": 5, "cells": [{"cell_type": "code"}]}`, `cell 1 (code): the key "source" is missing`},
		{"source number", `{"nbformat": 4, "nbformat_minor": 5, "cells": [{"cell_type": "code", "source": 7}]}`, `cell 1 (code): source: expected a string or a list of strings, got a number`},
		{"bad output", `{"nbformat": 4, "nbformat_minor": 5, "cells": [{"cell_type": "markdown", "source": ""}, {"cell_type": "code", "source": "", "outputs": [{"output_type": "pyout"}]}]}`, `cell 2 (code) output 1: output_type: expected stream, execute_result, display_data or error, got "pyout"`},
		{"stream no text", `{"nbformat": 4, "nbformat_minor": 5, "cells": [{"cell_type": "code", "source": "", "outputs": [{"output_type": "stream", "name": "stdout"}]}]}`, `cell 1 (code) output 1: stream output: the key "text" is missing`},
		{"count string", `{"nbformat": 4, "nbformat_minor": 5, "cells": [{"cell_type": "code", "source": "", "execution_count": "1"}]}`, `execution_count: expected an integer or null, got a string`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Read([]byte(tt.in))
			if err == nil {
				t.Fatalf("Read(%q) succeeded, want an error containing %q", tt.in, tt.want)
			}
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Errorf("error %T is not a *ParseError", err)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Read(%q) error = %q, want it to contain %q", tt.in, err, tt.want)
			}
		})
	}
}

func TestMIMEBundle(t *testing.T) {
	b := MIMEBundle{}
	b.SetText("text/plain", "a\nb")
	b.SetText("image/png", "AAAA")
	if string(b["text/plain"]) != `["a\n","b"]` {
		t.Errorf("text/plain stored as %s, want a list of lines", b["text/plain"])
	}
	if string(b["image/png"]) != `"AAAA"` {
		t.Errorf("image/png stored as %s, want one string", b["image/png"])
	}
	if got, _ := b.Text("text/plain"); got != "a\nb" {
		t.Errorf("Text = %q", got)
	}
	if got := b.String(); got != "[image/png text/plain]" {
		t.Errorf("String = %q", got)
	}
}

// FuzzRead checks that Read never panics, and that whatever it accepts
// survives Write → Read → Write unchanged.
func FuzzRead(f *testing.F) {
	f.Add([]byte(legacyNotebook))
	f.Add([]byte(minimal("print hi", "value 1")))
	f.Add([]byte(`{"nbformat": 4, "nbformat_minor": 5, "cells": []}`))
	f.Add([]byte(`{"nbformat": 4, "nbformat_minor": 2, "cells": [{"cell_type": "code", "source": ["a", "b"], "outputs": [{"output_type": "stream", "name": "x", "text": ""}]}]}`))
	files, _ := filepath.Glob("*.ipynb")
	for _, p := range files {
		if data, err := readFileLimited(p, 1<<16); err == nil {
			f.Add(data)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		nb, err := Read(data)
		if err != nil {
			if err.Error() == "" {
				t.Fatal("empty error message")
			}
			return
		}
		out, err := nb.Write()
		if err != nil {
			t.Fatalf("Write after Read: %v", err)
		}
		if !json.Valid(out) {
			t.Fatalf("Write produced invalid JSON:\n%s", out)
		}
		nb2, err := Read(out)
		if err != nil {
			t.Fatalf("Read of written notebook: %v\n%s", err, out)
		}
		out2, err := nb2.Write()
		if err != nil {
			t.Fatal(err)
		}
		if string(out) != string(out2) {
			t.Fatalf("not stable:\n%s\n---\n%s", out, out2)
		}
	})
}

func ExampleNotebook_Write() {
	nb, err := Read([]byte(`{"nbformat": 4, "nbformat_minor": 5, "metadata": {"custom": 1},
		"cells": [{"cell_type": "markdown", "id": "intro", "metadata": {}, "source": "# Hi\nthere"}]}`))
	if err != nil {
		panic(err)
	}
	out, _ := nb.Write()
	fmt.Print(string(out))
	// Output:
	// {
	//  "cells": [
	//   {
	//    "cell_type": "markdown",
	//    "id": "intro",
	//    "metadata": {},
	//    "source": [
	//     "# Hi\n",
	//     "there"
	//    ]
	//   }
	//  ],
	//  "metadata": {
	//   "custom": 1
	//  },
	//  "nbformat": 4,
	//  "nbformat_minor": 5
	// }
}
