package main

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestLikeGoRun: an ordinary Go program, run as `nnbook run prog.go` or
// piped as `nnbook < prog.go`, behaves as `go run prog.go` does: its output
// on the terminal, its os.Exit status, no file written.
func TestLikeGoRun(t *testing.T) {
	const prog = "package main\n\nimport (\n\t\"fmt\"\n\t\"os\"\n)\n\nfunc main() {\n\tfmt.Println(\"hi\")\n\tfmt.Fprintln(os.Stderr, \"to stderr\")\n\tos.Exit(3)\n}\n"
	for _, how := range []string{"run", "pipe"} {
		t.Run(how, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "prog.go")
			os.WriteFile(path, []byte(prog), 0o644)
			cmd := exec.Command(binary, "run", "prog.go")
			if how == "pipe" {
				cmd = exec.Command(binary)
				cmd.Stdin = strings.NewReader(prog)
			}
			cmd.Dir = dir
			var stdout, stderr bytes.Buffer
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			err := cmd.Run()
			var ee *exec.ExitError
			if !errors.As(err, &ee) || ee.ExitCode() != 3 {
				t.Errorf("exit %v, want status 3 (stderr %q)", err, stderr.String())
			}
			if stdout.String() != "hi\n" || stderr.String() != "to stderr\n" {
				t.Errorf("stdout %q, stderr %q; want \"hi\\n\", \"to stderr\\n\"", stdout.String(), stderr.String())
			}
			if ents, _ := os.ReadDir(dir); len(ents) != 1 {
				t.Errorf("files written: %v", ents)
			}
		})
	}
}

// TestPanicLikeGoRun: a program whose panic nothing recovers exits with
// status 2, as `go run` reports it, run or piped.
func TestPanicLikeGoRun(t *testing.T) {
	const prog = "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tfmt.Println(\"before\")\n\tvar m map[string]int\n\tm[\"a\"] = 1\n}\n"
	for _, how := range []string{"run", "pipe"} {
		t.Run(how, func(t *testing.T) {
			dir := t.TempDir()
			os.WriteFile(filepath.Join(dir, "prog.go"), []byte(prog), 0o644)
			cmd := exec.Command(binary, "run", "prog.go")
			if how == "pipe" {
				cmd = exec.Command(binary)
				cmd.Stdin = strings.NewReader(prog)
			}
			cmd.Dir = dir
			var stdout, stderr bytes.Buffer
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			err := cmd.Run()
			var ee *exec.ExitError
			if !errors.As(err, &ee) || ee.ExitCode() != 2 {
				t.Errorf("exit %v, want status 2 (stderr %q)", err, stderr.String())
			}
			if stdout.String() != "before\n" || !strings.Contains(stderr.String(), "panic: assignment to entry in nil map") {
				t.Errorf("stdout %q, stderr %q; want \"before\\n\" and the panic", stdout.String(), stderr.String())
			}
		})
	}
}

// TestProgramArgs: `nnbook run prog.go -- ARGS` gives the program the
// os.Args that `go run prog.go ARGS` gives it (its name, then ARGS).
func TestProgramArgs(t *testing.T) {
	const prog = "package main\n\nimport (\n\t\"fmt\"\n\t\"os\"\n\t\"path/filepath\"\n)\n\nfunc main() {\n\tfmt.Println(filepath.Base(os.Args[0]), len(os.Args))\n\tfor _, a := range os.Args[1:] {\n\t\tfmt.Printf(\"%q\\n\", a)\n\t}\n}\n"
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "echoargs.go"), []byte(prog), 0o644)
	for _, args := range [][]string{nil, {"a", "b c", "--", "-x"}} {
		gorun := exec.Command("go", append([]string{"run", "echoargs.go"}, args...)...)
		gorun.Dir = dir
		want, err := gorun.Output()
		if err != nil {
			t.Skipf("go run: %v", err)
		}
		nnArgs := []string{"run", "echoargs.go"}
		if args != nil {
			nnArgs = append(append(nnArgs, "--"), args...)
		}
		nn := exec.Command(binary, nnArgs...)
		nn.Dir = dir
		got, err := nn.CombinedOutput()
		if err != nil || string(got) != string(want) {
			t.Errorf("nnbook %q: %v\n%s\nwant (go run):\n%s", nnArgs, err, got, want)
		}
	}
	// "--" belongs to one program.
	os.WriteFile(filepath.Join(dir, "other.go"), []byte(prog), 0o644)
	out, err := exec.Command(binary, "run", filepath.Join(dir, "echoargs.go"), filepath.Join(dir, "other.go"), "--", "a").CombinedOutput()
	if !strings.Contains(string(out), `arguments after "--" go to one Go program, got 2 files`) || err == nil {
		t.Errorf("two files and --: %v\n%s", err, out)
	}
}
