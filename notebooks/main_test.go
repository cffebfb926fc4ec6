package notebooks

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestMainFailingCellLeavesInputUntouched(t *testing.T) {
	dir := t.TempDir()
	in := writeFile(t, dir, "bad.ipynb", minimal("print ok", "print a\nprint b\nfail undefined: nope", "print never"))
	before, _ := os.ReadFile(in)
	tests := []struct {
		args    []string
		partial string // where the cells run so far must be; "" for nowhere
	}{
		{[]string{in}, filepath.Join(dir, "bad.nbconvert.ipynb")},
		{[]string{"--inplace", in}, ""},
		{[]string{"-o", filepath.Join(dir, "x.ipynb"), in}, filepath.Join(dir, "x.ipynb")},
	}
	for _, tc := range tests {
		code, stdout, stderr := runMain(t, fakeFactory, tc.args...)
		if code != 1 {
			t.Errorf("%v: exit %d, want 1", tc.args, code)
		}
		if stdout != "" {
			t.Errorf("%v: wrote to stdout: %q", tc.args, stdout)
		}
		note := "the cells run so far and the error are in " + tc.partial
		if tc.partial == "" {
			note = in + " is left as it was"
		}
		for _, want := range []string{in + ": cell 2 (code cell 2), line 3: CompileError: undefined: nope", "cell 2/3 FAILED", note} {
			if !strings.Contains(stderr, want) {
				t.Errorf("%v: stderr lacks %q:\n%s", tc.args, want, stderr)
			}
		}
		after, _ := os.ReadFile(in)
		if !bytes.Equal(before, after) {
			t.Errorf("%v: the input changed", tc.args)
		}
		if tc.partial == "" {
			continue
		}
		nb := readNotebook(t, tc.partial)
		c := nb.Cells
		if len(c[0].Outputs) != 1 || c[0].Outputs[0].Text != "ok\n" ||
			len(c[1].Outputs) != 2 || c[1].Outputs[0].Text != "a\nb\n" || c[1].Outputs[1].EValue != "undefined: nope" ||
			len(c[2].Outputs) != 0 || c[2].ExecutionCount != nil {
			t.Errorf("%v: partial notebook %v / %v / %v", tc.args, c[0].Outputs, c[1].Outputs, c[2].Outputs)
		}
		if m := nb.nnbookMeta(); m.Status != "" || m.Source != "bad.ipynb" {
			t.Errorf("%v: metadata.nnbook %+v, want source bad.ipynb and no status", tc.args, m)
		}
		validateNbformat(t, tc.partial)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 3 {
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Errorf("files left behind: %v", names)
	}
}

func TestMainMalformed(t *testing.T) {
	dir := t.TempDir()
	in := writeFile(t, dir, "broken.ipynb", "{\"cells\": [\n  {\"cell_type\": \"code\",,}\n]}")
	code, _, stderr := runMain(t, fakeFactory, in)
	if code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	want := in + ": malformed notebook: line 2 column 24: not valid JSON"
	if !strings.Contains(stderr, want) {
		t.Errorf("stderr = %q, want it to contain %q", stderr, want)
	}
}

func TestMainUsage(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{nil, "no notebook given"},
		{[]string{"--to", "pdf", "a.ipynb"}, `--to: expected ipynb, md, html or go, got "pdf"`},
		{[]string{"--inplace", "-o", "x", "a.ipynb"}, "-o and --inplace do not go together"},
		{[]string{"--inplace", "a.go"}, "a.go is a Go script"},
		{[]string{"--bogus", "a.ipynb"}, "flag provided but not defined: -bogus"},
		{[]string{"-o", "out.ipynb", "a.ipynb", "b.ipynb"}, "-o must be an existing directory"},
	}
	for _, tt := range tests {
		code, _, stderr := runMain(t, fakeFactory, tt.args...)
		if code != 2 || !strings.Contains(stderr, tt.want) || !strings.Contains(stderr, "usage: nnbook run") {
			t.Errorf("%q: exit %d, stderr %q; want 2 and %q", tt.args, code, stderr, tt.want)
		}
	}
	code, _, stderr := runMain(t, fakeFactory, "-h")
	if code != 0 || !strings.Contains(stderr, "--allow-errors") {
		t.Errorf("-h: exit %d, stderr %q", code, stderr)
	}
}

func TestMainOutputs(t *testing.T) {
	dir := t.TempDir()
	in := writeFile(t, dir, "nb.ipynb", minimal("print hello <world>", "image", "value 7"))
	before, _ := os.ReadFile(in)

	// Default: FILE.nbconvert.ipynb next to the input; flags after the file.
	code, _, stderr := runMain(t, fakeFactory, in, "-q")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if stderr != "" {
		t.Errorf("-q still printed %q", stderr)
	}
	outPath := filepath.Join(dir, "nb.nbconvert.ipynb")
	nb := readNotebook(t, outPath)
	if got := nb.Cells[0].Outputs[0].Text; got != "hello <world>\n" {
		t.Errorf("stdout %q", got)
	}
	validateNbformat(t, outPath)
	if after, _ := os.ReadFile(in); !bytes.Equal(before, after) {
		t.Errorf("input changed without --inplace")
	}

	// -o - writes the notebook to stdout, progress to stderr.
	code, stdout, stderr := runMain(t, fakeFactory, "-o", "-", in)
	if code != 0 || !strings.HasPrefix(stdout, "{\n \"cells\"") {
		t.Fatalf("-o -: exit %d, stdout %.80q", code, stdout)
	}
	for _, want := range []string{"nb.ipynb: cell 1/3 ok", "cell 3/3 ok", "wrote standard output"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("progress lacks %q:\n%s", want, stderr)
		}
	}

	// --inplace rewrites the input with outputs.
	if code, _, stderr := runMain(t, fakeFactory, "--inplace", "-q", in); code != 0 {
		t.Fatalf("--inplace: exit %d: %s", code, stderr)
	}
	if nb := readNotebook(t, in); len(nb.Cells[2].Outputs) != 1 || nb.Cells[2].Outputs[0].PlainText() != "7" {
		t.Errorf("--inplace did not store outputs: %v", nb.Cells[2].Outputs)
	}

	// --to md writes PNGs beside the markdown.
	md := filepath.Join(dir, "report.md")
	if code, _, stderr := runMain(t, fakeFactory, "--to", "md", "-o", md, in); code != 0 {
		t.Fatalf("--to md: exit %d: %s", code, stderr)
	}
	mdText, _ := os.ReadFile(md)
	for _, want := range []string{"```go\nprint hello <world>\n```", "```\nhello <world>\n```", "![Figure(test, 4×3)](report_files/output_1_0.png)", "```\n7\n```"} {
		if !strings.Contains(string(mdText), want) {
			t.Errorf("markdown lacks %q:\n%s", want, mdText)
		}
	}
	if png, err := os.ReadFile(filepath.Join(dir, "report_files", "output_1_0.png")); err != nil || !bytes.Equal(png, tinyPNG()) {
		t.Errorf("PNG beside the markdown: %v", err)
	}

	// --to html is self-contained.
	if code, _, stderr := runMain(t, fakeFactory, "--to", "html", in); code != 0 {
		t.Fatalf("--to html: exit %d: %s", code, stderr)
	}
	page, _ := os.ReadFile(filepath.Join(dir, "nb.html"))
	for _, want := range []string{"<!DOCTYPE html>", "<title>nb</title>", "hello &lt;world&gt;", `<img alt="Figure(test, 4×3)" src="data:image/png;base64,`, "In [3]:"} {
		if !strings.Contains(string(page), want) {
			t.Errorf("html lacks %q", want)
		}
	}
	if strings.Contains(string(page), "src=\"http") || strings.Contains(string(page), "_files/") {
		t.Errorf("html is not self-contained")
	}
}

func TestMainScript(t *testing.T) {
	dir := t.TempDir()
	src := `//go:build ignore

// %% [markdown]
// # A script
//
// Two *cells*.

// %%
print one

// %% second cell
print two
fail bad thing
`
	in := writeFile(t, dir, "tour.go", src)
	code, _, stderr := runMain(t, fakeFactory, in)
	if code != 1 {
		t.Fatalf("exit %d, want 1", code)
	}
	// The failing line is line 13 of the file.
	if want := in + ":13: cell 3 (code cell 2), line 2: CompileError: bad thing"; !strings.Contains(stderr, want) {
		t.Errorf("stderr lacks %q:\n%s", want, stderr)
	}
	in = writeFile(t, dir, "tour.go", strings.Replace(src, "fail bad thing\n", "", 1))
	if code, _, stderr := runMain(t, fakeFactory, in); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	out := filepath.Join(dir, "tour.ipynb")
	nb := readNotebook(t, out)
	if got := nb.String(); got != "Notebook(nbformat 4.5, 3 cells: 2 code, 1 markdown)" {
		t.Errorf("got %s", got)
	}
	if nb.Cells[0].Source != "# A script\n\nTwo *cells*." {
		t.Errorf("markdown cell = %q", nb.Cells[0].Source)
	}
	if nb.Cells[2].Outputs[0].Text != "two\n" {
		t.Errorf("outputs %v", nb.Cells[2].Outputs)
	}
	validateNbformat(t, out)
}

func TestMainConvertToScript(t *testing.T) {
	dir := t.TempDir()
	src := "// %% [markdown]\n// # Tour\n\n// %%\nprint hi\n"
	in := writeFile(t, dir, "tour.go", src)
	// Running to ipynb and converting back without executing gives the script.
	if code, _, stderr := runMain(t, fakeFactory, "-q", in); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	nbPath := filepath.Join(dir, "tour.ipynb")
	factoryFails := func() (Executor, error) { t.Fatal("--no-execute started an engine"); return nil, nil }
	code, stdout, stderr := runMain(t, factoryFails, "--no-execute", "--to", "go", "-o", "-", nbPath)
	if code != 0 || stdout != src {
		t.Errorf("--to go: exit %d, stdout %q, want %q\n%s", code, stdout, src, stderr)
	}
	// --no-execute keeps the outputs the notebook has.
	code, stdout, _ = runMain(t, factoryFails, "--no-execute", "--to", "md", "-o", "-", nbPath)
	if code != 0 || !strings.Contains(stdout, "```\nhi\n```") {
		t.Errorf("--no-execute --to md lost the outputs: %q", stdout)
	}
	// Converting a script to a script would overwrite it.
	code, _, stderr = runMain(t, fakeFactory, "--to", "go", in)
	if code != 1 || !strings.Contains(stderr, "would overwrite the input") {
		t.Errorf("script to script: exit %d, stderr %q", code, stderr)
	}
	if after, _ := os.ReadFile(in); string(after) != src {
		t.Errorf("the script changed")
	}
}

// TestMainInterrupted cancels the run (as Ctrl-C does) once cell 2 has
// started (its progress line is the event): exit 1, the cell named, the
// input untouched. An interrupt that did not work would let the 10 s sleep
// finish and the run succeed.
func TestMainInterrupted(t *testing.T) {
	dir := t.TempDir()
	in := writeFile(t, dir, "slow.ipynb", minimal("print a", "sleep 10s", "print never"))
	before, _ := os.ReadFile(in)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var out bytes.Buffer
	errb := &cancelOn{mark: "cell 2/3 ", cancel: cancel}
	code := run(ctx, []string{"--inplace", in}, &out, errb, fakeFactory)
	if code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	if want := "cell 2 (code cell 2), line 1: Interrupted"; !strings.Contains(errb.String(), want) {
		t.Errorf("stderr lacks %q:\n%s", want, errb.String())
	}
	if after, _ := os.ReadFile(in); !bytes.Equal(before, after) {
		t.Errorf("the input changed")
	}
}

// cancelOn is a progress writer that calls cancel once mark was written.
type cancelOn struct {
	bytes.Buffer
	mark   string
	cancel func()
}

func (c *cancelOn) Write(p []byte) (int, error) {
	n, err := c.Buffer.Write(p)
	if strings.Contains(c.Buffer.String(), c.mark) {
		c.cancel()
	}
	return n, err
}
