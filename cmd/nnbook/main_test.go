package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// binary is the nnbook binary built once for this test run by TestMain.
var binary string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "nnbook-test")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	binary = filepath.Join(dir, "nnbook")
	out, err := exec.Command("go", "build", "-o", binary, ".").CombinedOutput()
	if err != nil {
		fmt.Fprintf(os.Stderr, "building nnbook: %v\n%s", err, out)
		os.RemoveAll(dir)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

func TestRun(t *testing.T) {
	tests := []struct {
		args      []string
		code      int
		out, errs string // substrings
	}{
		{[]string{"help"}, 0, "nnbook help COMMAND", ""},
		{[]string{"--help"}, 0, "Commands:", ""},
		{[]string{"help", "run"}, 0, "usage: nnbook run", ""},
		{[]string{"help", "kernel"}, 0, "nnbook kernel install", ""},
		{[]string{"help", "repl"}, 0, "--plots DIR", ""},
		{[]string{"help", "version"}, 0, "usage: nnbook version", ""},
		{[]string{"help", "bogus"}, 2, "", `nnbook help: unknown command "bogus"; run 'nnbook help'`},
		{[]string{"help", "a", "b"}, 2, "", "usage: nnbook help [COMMAND]"},
		{[]string{"version"}, 0, "nnbook 0.1.0 (go", ""},
		{[]string{"--version"}, 0, "nnbook 0.1.0", ""},
		{[]string{"version", "x"}, 2, "", "usage: nnbook version"},
		{[]string{"x"}, 2, "", `nnbook: unknown command "x"; run 'nnbook help'` + "\n"},
		{[]string{"--frob"}, 2, "", `nnbook: unknown flag "-frob"; run 'nnbook help'` + "\n"},
		{[]string{"--plots"}, 2, "", "flag needs an argument"},
		{[]string{"run"}, 2, "", "usage: nnbook run"},
		{[]string{"kernel"}, 2, "", "nnbook kernel"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			var out, errs bytes.Buffer
			code := run(tt.args, strings.NewReader(""), &out, &errs)
			if code != tt.code {
				t.Errorf("exit status %d, want %d (stderr %q)", code, tt.code, errs.String())
			}
			if !strings.Contains(out.String(), tt.out) {
				t.Errorf("stdout %q does not contain %q", out.String(), tt.out)
			}
			if !strings.Contains(errs.String(), tt.errs) {
				t.Errorf("stderr %q does not contain %q", errs.String(), tt.errs)
			}
		})
	}
}

// runScript pipes script into the built binary (stdin is not a terminal)
// in a fresh folder and returns its stdout, stderr and exit status.
func runScript(t *testing.T, dir, script string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	cmd := exec.Command(binary, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "NNBOOK_HISTORY="+filepath.Join(dir, "history"))
	cmd.Stdin = strings.NewReader(script)
	var out, errs bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errs
	err := cmd.Run()
	code = 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return out.String(), errs.String(), code
}

func TestPipedScript(t *testing.T) {
	tests := []struct {
		name      string
		script    string
		out, errs string // exact
		code      int
	}{
		{"values with types", "x := 3\nfunc sq(a int) int {\n\treturn a * a\n}\nsq(x)\n\"hi\"\n2.5 * 2\n",
			"9 // int\n\"hi\" // string\n5 // float64\n", "", 0},
		{"output in order", "for i := 0; i < 3; i++ {\n\tfmt.Print(i, \" \")\n}\nfmt.Println()\nfmt.Println(\"done\")\n",
			"0 1 2 \ndone\n", "", 0},
		{"no prompt, no banner, no colour for an empty script", "", "", "", 0},
		{"first error stops the script with its line", "a := 1\n\nb := a + 1\nc := undefinedName\nfmt.Println(\"not reached\")\n",
			"", "line 4: undefined: undefinedName\n", 1},
		// A declaration using a name no entry declared waits for it; at the
		// end of the script it is Go's compile error.
		{"error inside a multi-line entry", "x := 1\nfunc f() int {\n\ty := 2\n\treturn y + nope\n}\n",
			"", "f: declared; waits for nope\nline 4: undefined: nope\n", 1},
		{"declarations in any order", "func f() int { return g() }\nfunc g() int { return 2 }\nf()\n", "2 // int\n", "f: declared; waits for g\n", 0},
		{"unfinished entry at the end", "x := 1\nfor {\n", "", "line 2: ", 1},
		{"panic", "var s []int\n\ns[3]\n", "", "line 3: panic: ", 2}, // go run's status after a panic
		// The failing statement's line in the script, not in its entry.
		{"panic inside a function", "x := 1\nfunc f(m map[string]int) {\n\tfmt.Println(x)\n\tm[\"a\"] = x\n}\nf(nil)\n",
			"1\n", "line 6: panic: assignment to entry in nil map\n    main.f at line 4:2\n    main at line 6:1\n", 2},
		{"nnlib preloaded", "n := nnlib.WorkedExample()\nn.Sizes()\n", "[2 2 2] // []int\n", "", 0},
		{"meta command in a script", "x := 1\n:vars\n", "x  int\n", "", 0},
		// Declaring func main only defines it (the engine never runs it by
		// itself); the script calls it once.
		{"a whole Go program runs its main", "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tfmt.Println(\"hello\")\n}\n", "hello\n", "", 0},
		{"a package main without main", "package main\n\nfunc f() int { return 1 }\nf()\n", "1 // int\n", "", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, errs, code := runScript(t, t.TempDir(), tt.script)
			if code != tt.code {
				t.Errorf("exit status %d, want %d; stderr %q", code, tt.code, errs)
			}
			if out != tt.out {
				t.Errorf("stdout %q, want %q", out, tt.out)
			}
			if !strings.HasPrefix(errs, tt.errs) || (tt.errs == "" && errs != "") {
				t.Errorf("stderr %q, want it to start with %q", errs, tt.errs)
			}
			if strings.Contains(out+errs, "\033[") || strings.Contains(out, "nnbook>") {
				t.Errorf("prompt or colour in script output: %q", out+errs)
			}
		})
	}
}

func TestPipedFigure(t *testing.T) {
	dir := t.TempDir()
	script := "n := nnlib.New(2, 3, 1)\nh, _ := n.Fit(nnlib.XOR(), nnlib.FitOptions{Epochs: 5})\nplot.Loss(h)\n"
	out, errs, code := runScript(t, dir, script, "--plots", "figs")
	if code != 0 {
		t.Fatalf("exit status %d: %s", code, errs)
	}
	want := filepath.Join("figs", "fig-1.png")
	if !strings.Contains(out, "→ "+want) {
		t.Errorf("output %q does not name %s", out, want)
	}
	b, err := os.ReadFile(filepath.Join(dir, want))
	if err != nil || !bytes.HasPrefix(b, []byte("\x89PNG")) {
		t.Errorf("%s: not a PNG (%v)", want, err)
	}
}

func TestSaveThenPipe(t *testing.T) {
	dir := t.TempDir()
	script := "x := 20\nfunc double(a int) int {\n\treturn 2 * a\n}\nbad := nope\n"
	_, _, code := runScript(t, dir, script)
	if code != 1 {
		t.Fatalf("exit status %d, want 1", code)
	}
	// The same entries, then :save: the failing one is left out.
	out, errs, code := runScript(t, dir, "x := 20\nfunc double(a int) int {\n\treturn 2 * a\n}\n:save s.go\n")
	if code != 0 {
		t.Fatalf(":save: exit status %d: %s", code, errs)
	}
	if !strings.Contains(out, "saved 2 entries to s.go") {
		t.Errorf(":save said %q", out)
	}
	saved, err := os.ReadFile(filepath.Join(dir, "s.go"))
	if err != nil {
		t.Fatal(err)
	}
	out, errs, code = runScript(t, dir, string(saved)+"double(x) + 2\n")
	if code != 0 || out != "42 // int\n" {
		t.Errorf("replaying the saved script: %q %q %d", out, errs, code)
	}
	out, errs, code = runScript(t, dir, ":load s.go\ndouble(x)\n")
	if code != 0 || out != "40 // int\n" {
		t.Errorf(":load: %q %q %d", out, errs, code)
	}
}

func TestPipedLoadNotebook(t *testing.T) {
	dir := t.TempDir()
	nb := `{"cells": [
  {"cell_type": "markdown", "metadata": {}, "source": ["# A tour"]},
  {"cell_type": "code", "metadata": {}, "execution_count": null, "outputs": [],
   "source": ["n := nnlib.WorkedExample()\n", "steps := 0"]},
  {"cell_type": "code", "metadata": {}, "execution_count": null, "outputs": [],
   "source": "for i := 0; i < 3; i++ {\n\tn.Train(nnlib.WorkedInput(), nnlib.WorkedTarget())\n\tsteps++\n}"}
 ], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}`
	if err := os.WriteFile(filepath.Join(dir, "tour.ipynb"), []byte(nb), 0o644); err != nil {
		t.Fatal(err)
	}
	out, errs, code := runScript(t, dir, ":load tour.ipynb\nsteps\nn.Steps()\n")
	if code != 0 || out != "3 // int\n3 // int\n" {
		t.Errorf(":load tour.ipynb: stdout %q, stderr %q, exit %d", out, errs, code)
	}
	_, errs, code = runScript(t, dir, "x := 1\n:load missing.ipynb\n")
	if code != 1 || !strings.HasPrefix(errs, "line 2: ") {
		t.Errorf(":load of a missing file: stderr %q, exit %d", errs, code)
	}
}
