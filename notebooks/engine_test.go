package notebooks

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/nnbook/nnbook/kernel"
)

// TestRealEngine runs a small script on the real kernel engine: printed
// text, a final value, a figure and a failing cell with its line.
func TestRealEngine(t *testing.T) {
	eng, err := kernel.New()
	if err != nil {
		t.Fatal(err)
	}
	nb := ReadScript([]byte(`// %%
import "fmt"

fmt.Println("hello")
x := 6 * 7
x

// %%
fmt.Println(x + 1)

// %%
y := 1
y = undefinedThing + 2
`))
	err = Run(context.Background(), nb, eng, Options{Name: "real.go"})
	var ce *CellError
	if !errors.As(err, &ce) {
		t.Fatalf("Run error = %v, want a *CellError", err)
	}
	if ce.Cell != 3 || ce.Line != 2 || ce.FileLine != 13 {
		t.Errorf("failure at cell %d line %d (file line %d), want cell 3 line 2 (file line 13): %v", ce.Cell, ce.Line, ce.FileLine, err)
	}
	if !strings.Contains(err.Error(), "undefinedThing") {
		t.Errorf("error %q does not name the undefined identifier", err)
	}
	var got []string
	for _, c := range nb.Cells[:2] {
		for _, o := range c.Outputs {
			got = append(got, o.Type+":"+strings.TrimSpace(o.PlainText()))
		}
	}
	want := []string{"stream:hello", "execute_result:42", "stream:43"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("outputs\n got %q\nwant %q", got, want)
	}
	if n := len(nb.Cells[2].Outputs); n != 1 || nb.Cells[2].Outputs[0].Type != "error" {
		t.Errorf("failing cell outputs: %v", nb.Cells[2].Outputs)
	}
}

// TestMainRealEngineFailure runs "nnbook run" on a notebook whose second cell
// does not compile: exit status 1, the notebook, cell and line named, and the
// input byte-identical.
func TestMainRealEngineFailure(t *testing.T) {
	dir := t.TempDir()
	in := writeFile(t, dir, "broken.ipynb", minimal("import \"fmt\"\nfmt.Println(\"ok\")", "x := 1\ny := x +\n", "fmt.Println(\"never\")"))
	before, _ := os.ReadFile(in)
	for _, args := range [][]string{{in}, {"--inplace", in}} {
		code, _, stderr := runMain(t, realFactory, args...)
		if code != 1 {
			t.Errorf("%v: exit %d, want 1\n%s", args, code, stderr)
		}
		if want := in + ": cell 2 (code cell 2), line "; !strings.Contains(stderr, want) {
			t.Errorf("%v: stderr lacks %q:\n%s", args, want, stderr)
		}
		if after, _ := os.ReadFile(in); !bytes.Equal(before, after) {
			t.Errorf("%v: the input changed", args)
		}
	}
	// The run without --inplace left the partial notebook at its output.
	nb := readNotebook(t, filepath.Join(dir, "broken.nbconvert.ipynb"))
	var got []string
	for _, c := range nb.Cells {
		var kinds []string
		for _, o := range c.Outputs {
			kinds = append(kinds, o.Type+":"+strings.TrimSpace(o.Text+o.EValue))
		}
		got = append(got, strings.Join(kinds, ","))
	}
	if len(got) != 3 || got[0] != "stream:ok" || !strings.HasPrefix(got[1], "error:") || got[2] != "" {
		t.Errorf("partial notebook outputs %q, want ok, the error, nothing", got)
	}
}

// TestExportTutorial exports a committed tutorial to Markdown and HTML.
func TestExportTutorial(t *testing.T) {
	nb := readNotebook(t, "01-backprop-by-hand.ipynb")
	md, files := ToMarkdown(nb, "img")
	if len(files) < 3 {
		t.Errorf("markdown export wrote %d images, want the network, loss and before/after figures", len(files))
	}
	for name, png := range files {
		if !bytes.HasPrefix(png, []byte("\x89PNG")) {
			t.Errorf("%s is not a PNG", name)
		}
		if !bytes.Contains(md, []byte("](img/"+name+")")) {
			t.Errorf("markdown does not link %s", name)
		}
	}
	page := ToHTML(nb, "01")
	for _, want := range []string{"<h1>01 · Backpropagation by hand</h1>", "<pre><code>net_h1 = w1·i1 + w2·i2 + b1", "<li>∂E/∂out_o1", "E_total = 0.298371109", "data:image/png;base64,iVBORw0KGgo",
		"<tr><td>w5</td><td>h1→o1</td>", "<b>History: 10000 epochs"} { // the Trace and History tables
		if !bytes.Contains(page, []byte(want)) {
			t.Errorf("html lacks %q", want)
		}
	}
}

// TestMainRealEngineProgram runs ordinary Go programs as `go run` would,
// with the real engine: output, os.Exit codes, a panic's status 2.
func TestMainRealEngineProgram(t *testing.T) {
	const prog = "package main\n\nimport (\n\t\"fmt\"\n\t\"os\"\n)\n\nfunc main() {\n\tfmt.Println(\"hi\")\n\tfmt.Fprintln(os.Stderr, \"to stderr\")\n\t%s\n}\n"
	tests := []struct {
		body   string
		code   int
		stderr string
	}{
		{"os.Exit(3)", 3, "to stderr\n"},
		{"os.Exit(0)", 0, "to stderr\n"},
		{"", 0, "to stderr\n"},
		{`panic("boom")`, 2, "panic: boom"},
	}
	for _, tc := range tests {
		dir := t.TempDir()
		in := writeFile(t, dir, "main.go", strings.Replace(prog, "%s", tc.body, 1))
		code, stdout, stderr := runMain(t, realFactory, in)
		if code != tc.code || stdout != "hi\n" || !strings.Contains(stderr, tc.stderr) {
			t.Errorf("%s: exit %d, stdout %q, stderr %q; want %d, \"hi\\n\", %q", tc.body, code, stdout, stderr, tc.code, tc.stderr)
		}
		if ents, _ := os.ReadDir(dir); len(ents) != 1 {
			t.Errorf("%s: files written: %v", tc.body, ents)
		}
	}
}

// realFactory starts the real engine for runMain.
func realFactory() (Executor, error) {
	e, err := kernel.New()
	if err != nil {
		return nil, err
	}
	return e, nil
}
