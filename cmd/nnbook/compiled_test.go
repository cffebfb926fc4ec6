package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// compiledEnv points the built binary's plugin cache at a directory shared
// by this test run (beside the binary, removed with it) while keeping the
// go command's build and module caches: a fresh HOME would make go rebuild
// the runtime for plugins (~15 s) and find no modules.
func compiledEnv(t *testing.T) {
	t.Helper()
	out, err := exec.Command("go", "env", "GOCACHE", "GOMODCACHE").Output()
	if err != nil {
		t.Skipf("go env: %v", err)
	}
	f := strings.Split(strings.TrimSpace(string(out)), "\n")
	if len(f) != 2 {
		t.Fatalf("go env printed %q", out)
	}
	t.Setenv("GOCACHE", f[0])
	t.Setenv("GOMODCACHE", f[1])
	t.Setenv("XDG_CACHE_HOME", filepath.Join(filepath.Dir(binary), "cache"))
	var doctor bytes.Buffer
	cmd := exec.Command(binary, "doctor")
	cmd.Stdout, cmd.Stderr = &doctor, &doctor
	if err := cmd.Run(); err != nil {
		if strings.Contains(doctor.String(), "do not work here") && os.Getenv("NNBOOK_REQUIRE_COMPILE") != "1" {
			t.Skipf("nnbook doctor: %s", doctor.String())
		}
		t.Fatalf("nnbook doctor: %v\n%s", err, doctor.String())
	}
}

func TestDoctorCommand(t *testing.T) {
	compiledEnv(t)
	out, err := exec.Command(binary, "doctor").CombinedOutput()
	if err != nil || !strings.Contains(string(out), "compiled cells: work here") || !strings.Contains(string(out), filepath.Join(filepath.Dir(binary), "cache", "nnbook", "plugins")) {
		t.Errorf("nnbook doctor: %v\n%s", err, out)
	}
	// Without a go command (PATH and GOROOT lead nowhere) the reason is named.
	cmd := exec.Command(binary, "doctor")
	cmd.Env = append(os.Environ(), "PATH="+t.TempDir(), "GOROOT="+t.TempDir())
	out, err = cmd.CombinedOutput()
	if code := cmd.ProcessState.ExitCode(); code != 1 || !strings.Contains(string(out), "the go command is not on PATH") {
		t.Errorf("nnbook doctor without go: exit %d, %v\n%s", code, err, out)
	}
}

// compiledScript is a // %% script with a compiled cell and interpreted
// cells around it.
const compiledScript = `// %%
scale := 3.0

// %%
//nnbook:compile
type acc struct{ Sum float64 }

func (a *acc) Add(x float64) { a.Sum += x }

var total acc

func addAll(n int) float64 {
	for i := 1; i <= n; i++ {
		total.Add(float64(i))
	}
	return total.Sum
}

// %%
fmt.Println("sum", addAll(100)*scale, total.Sum)
`

// TestCompiledCellRun runs a script with a compiled cell through
// `nnbook run`, and a compiled cell that does not compile.
func TestCompiledCellRun(t *testing.T) {
	compiledEnv(t)
	dir := t.TempDir()
	script := filepath.Join(dir, "sum.go")
	if err := os.WriteFile(script, []byte(compiledScript), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(binary, "run", "-q", "-o", "-", script).CombinedOutput()
	if err != nil || !strings.Contains(string(out), `sum 15150 5050`) {
		t.Fatalf("nnbook run: %v\n%s", err, out)
	}
	bad := strings.Replace(compiledScript, "a.Sum += x", "a.Sum += y", 1)
	if err := os.WriteFile(script, []byte(bad), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err = exec.Command(binary, "run", "-q", "-o", "-", script).CombinedOutput()
	if err == nil || !strings.Contains(string(out), "4:41: undefined: y") {
		t.Errorf("nnbook run of a broken compiled cell: %v\n%s", err, out)
	}
}

// TestPTYCompiledCell types a compiled cell at the prompt: it goes on
// until an empty line, then its names work in interpreted entries.
func TestPTYCompiledCell(t *testing.T) {
	compiledEnv(t)
	c := newConsole(t)
	c.send("//nnbook:compile\r")
	c.waitCont()
	c.send("func cube(x int) int { return x * x * x }\r")
	c.waitCont()
	c.send("var calls = 1\r")
	c.waitCont()
	c.send("\r")
	c.waitPrompt()
	c.send("calls += cube(3); calls\r")
	c.expect("28 // int")
	c.waitPrompt()
	c.send(":doc cube\r")
	c.expect("func cube(x int) int")
	c.waitPrompt()
	c.exit()
}

// TestDoctorChangedSource builds nnbook from a copy of the source, changes
// nnlib in the copy, and checks that doctor (whose probe uses nnlib) names
// the changed package and says to rebuild.
func TestDoctorChangedSource(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: builds nnbook from a copy of the source")
	}
	compiledEnv(t)
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	src := filepath.Join(t.TempDir(), "nnbook")
	err = filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		if d.IsDir() {
			if strings.HasPrefix(d.Name(), ".") && p != root {
				return filepath.SkipDir
			}
			return os.MkdirAll(filepath.Join(src, rel), 0o755)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(src, rel), b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	bin := filepath.Join(t.TempDir(), "nnbook")
	build := exec.Command("go", "build", "-o", bin, "./cmd/nnbook")
	build.Dir = src
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	if err := os.WriteFile(filepath.Join(src, "nnlib", "zz_changed.go"), []byte("package nnlib\n\n// Changed is new since the build.\nfunc Changed() int { return 1 }\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, "doctor")
	out, _ := cmd.CombinedOutput()
	if cmd.ProcessState.ExitCode() != 1 || !strings.Contains(string(out), "package github.com/nnbook/nnbook/nnlib in "+src+" is not the one this nnbook binary was built with") || !strings.Contains(string(out), "rebuild nnbook") {
		t.Errorf("doctor after nnlib changed: exit %d\n%s", cmd.ProcessState.ExitCode(), out)
	}
}
