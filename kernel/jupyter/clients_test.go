package jupyter

// Tests with the real Jupyter clients (Debian's jupyter-client,
// python3-jupyter-kernel-test, python3-nbclient, jupyter-nbconvert), always
// run with /usr/bin/python3 against a kernelspec installed into a temporary
// JUPYTER_DATA_DIR. Without those packages the tests skip, unless
// NNBOOK_REQUIRE_JUPYTER=1 (set by .ci/run), which makes them fail.

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/nnbook/nnbook/internal/jupytertest"
)

const python = jupytertest.Python

const installHint = "install Debian's jupyter-client python3-jupyter-kernel-test python3-nbclient jupyter-nbconvert jupyter-console python3-ipykernel (see .ci/run), or set NNBOOK_REQUIRE_JUPYTER=1 to make this a failure"

// requirePython skips (or, with NNBOOK_REQUIRE_JUPYTER=1, fails) the test
// when /usr/bin/python3 cannot import the given modules.
func requirePython(t *testing.T, modules ...string) {
	t.Helper()
	if testing.Short() {
		t.Skip("-short: skipping the tests that run the real Jupyter clients")
	}
	err := exec.Command(python, "-c", "import "+strings.Join(modules, ", ")).Run()
	if err == nil {
		return
	}
	msg := fmt.Sprintf("%s cannot import %s (%v): %s", python, strings.Join(modules, ", "), err, installHint)
	if os.Getenv("NNBOOK_REQUIRE_JUPYTER") == "1" {
		t.Fatal(msg)
	}
	t.Skip(msg)
}

var (
	binOnce sync.Once
	binDir  string
	binPath string
	binErr  error
	binNote string
)

// repoRoot finds the module root above this package.
func repoRoot() (string, error) {
	d, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			return d, nil
		}
		p := filepath.Dir(d)
		if p == d {
			return "", fmt.Errorf("no go.mod above the test directory")
		}
		d = p
	}
}

// kernelBinary builds the nnbook binary once per test run: cmd/nnbook when it
// exists and runs "nnbook kernel install", else the stand-in in
// internal/testkernel.
func kernelBinary(t *testing.T) string {
	t.Helper()
	binOnce.Do(func() {
		root, err := repoRoot()
		if err != nil {
			binErr = err
			return
		}
		if binDir, binErr = os.MkdirTemp("", "nnbook-kernel-test-"); binErr != nil {
			return
		}
		build := func(pkg string) (string, error) {
			out := filepath.Join(binDir, "nnbook")
			cmd := exec.Command("go", "build", "-o", out, pkg)
			cmd.Dir = root
			if b, err := cmd.CombinedOutput(); err != nil {
				return "", fmt.Errorf("go build %s: %v\n%s", pkg, err, b)
			}
			probe := filepath.Join(binDir, "probe")
			if b, err := exec.Command(out, "kernel", "install", "--prefix", probe).CombinedOutput(); err != nil {
				return "", fmt.Errorf("%s kernel install: %v\n%s", pkg, err, b)
			}
			os.RemoveAll(probe)
			return out, nil
		}
		if _, err := os.Stat(filepath.Join(root, "cmd", "nnbook")); err == nil {
			if binPath, binErr = build("./cmd/nnbook"); binErr == nil {
				binNote = "cmd/nnbook"
				return
			}
			binNote = fmt.Sprintf("cmd/nnbook unusable (%v); using internal/testkernel", binErr)
		}
		binPath, binErr = build("./kernel/jupyter/internal/testkernel")
		if binNote == "" {
			binNote = "internal/testkernel (no cmd/nnbook)"
		}
	})
	if binErr != nil {
		t.Fatalf("building the kernel: %v", binErr)
	}
	t.Logf("kernel binary: %s", binNote)
	return binPath
}

func TestMain(m *testing.M) {
	code := m.Run()
	if binDir != "" {
		os.RemoveAll(binDir)
	}
	os.Exit(code)
}

// jupyterEnv installs the kernelspec of the built binary into a temporary
// Jupyter data dir and returns the environment for the Python clients.
func jupyterEnv(t *testing.T) []string {
	t.Helper()
	return jupytertest.InstallKernel(t, kernelBinary(t))
}

// runPython runs a script from testdata with the Jupyter environment.
func runPython(t *testing.T, env []string, timeout time.Duration, args ...string) (string, error) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, python, args...)
	cmd.Dir, _ = filepath.Abs("testdata")
	// The scripts import check_client.py: no __pycache__ in the source tree.
	cmd.Env = append(env[:len(env):len(env)], "PYTHONDONTWRITEBYTECODE=1")
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	cmd.WaitDelay = 5 * time.Second
	err := cmd.Run()
	return out.String(), err
}

// TestConformance runs the official jupyter_kernel_test suite with the Go
// samples of testdata/test_conformance.py: every test must pass, none skip.
func TestConformance(t *testing.T) {
	requirePython(t, "jupyter_client", "jupyter_kernel_test")
	env := jupyterEnv(t)
	out, err := runPython(t, env, 5*time.Minute, "-m", "unittest", "-v", "test_conformance")
	passed := regexp.MustCompile(`(?m)^(test_\w+) \(.*\) \.\.\. (?:.*\n)*?.*?\bok$`).FindAllString(out, -1)
	ran := regexp.MustCompile(`Ran (\d+) tests?`).FindStringSubmatch(out)
	if err != nil || !strings.Contains(out, "\nOK") {
		t.Fatalf("jupyter_kernel_test failed (%v):\n%s", err, out)
	}
	if strings.Contains(out, "skipped") {
		t.Errorf("some conformance tests were skipped:\n%s", out)
	}
	if len(ran) == 2 {
		t.Logf("jupyter_kernel_test: ran %s tests, all passed, none skipped (%d ok lines)", ran[1], len(passed))
	}
}

func TestInterruptWithJupyterClient(t *testing.T) {
	requirePython(t, "jupyter_client")
	env := jupyterEnv(t)
	out, err := runPython(t, env, 3*time.Minute, "check_client.py", "interrupt")
	t.Log("\n" + out)
	if err != nil {
		t.Fatal(err)
	}
}

func TestInterruptTrainingWithJupyterClient(t *testing.T) {
	requirePython(t, "jupyter_client")
	env := jupyterEnv(t)
	out, err := runPython(t, env, 3*time.Minute, "check_client.py", "training")
	t.Log("\n" + out)
	if err != nil {
		t.Fatal(err)
	}
}

func TestStdinWithJupyterClient(t *testing.T) {
	requirePython(t, "jupyter_client")
	env := jupyterEnv(t)
	out, err := runPython(t, env, 3*time.Minute, "check_client.py", "stdin")
	t.Log("\n" + out)
	if err != nil {
		t.Fatal(err)
	}
}

// TestLateIOPubSubscriber runs a cell before the client subscribes to
// iopub (ZeroMQ's slow joiner, which left jupyter console waiting for an
// idle status that was never delivered): the kernel holds what it
// publishes until a client subscribes.
func TestLateIOPubSubscriber(t *testing.T) {
	requirePython(t, "jupyter_client")
	env := jupyterEnv(t)
	out, err := runPython(t, env, 3*time.Minute, "check_client.py", "latejoin")
	t.Log("\n" + out)
	if err != nil {
		t.Fatal(err)
	}
}

func TestRestartAndShutdownWithJupyterClient(t *testing.T) {
	requirePython(t, "jupyter_client")
	env := jupyterEnv(t)
	out, err := runPython(t, env, 3*time.Minute, "check_client.py", "restart")
	t.Log("\n" + out)
	if err != nil {
		t.Fatal(err)
	}
}

// TestNbconvertExecute runs testdata/smoke.ipynb through
// `jupyter nbconvert --to notebook --execute` with the kernel and checks the
// outputs written back.
func TestNbconvertExecute(t *testing.T) {
	requirePython(t, "nbconvert", "nbclient")
	env := jupyterEnv(t)
	outDir := t.TempDir()
	out, err := runPython(t, env, 3*time.Minute, "-m", "nbconvert", "--to", "notebook", "--execute",
		"--ExecutePreprocessor.kernel_name=nnbook", "--ExecutePreprocessor.timeout=120",
		"--output-dir", outDir, "--output", "smoke-out.ipynb", "smoke.ipynb")
	if err != nil {
		t.Fatalf("nbconvert: %v\n%s", err, out)
	}
	b, err := os.ReadFile(filepath.Join(outDir, "smoke-out.ipynb"))
	if err != nil {
		t.Fatal(err)
	}
	var nb struct {
		Metadata struct {
			LanguageInfo map[string]any `json:"language_info"`
		} `json:"metadata"`
		Cells []struct {
			CellType string           `json:"cell_type"`
			Outputs  []map[string]any `json:"outputs"`
		} `json:"cells"`
	}
	if err := json.Unmarshal(b, &nb); err != nil {
		t.Fatal(err)
	}
	if nb.Metadata.LanguageInfo["name"] != "go" {
		t.Errorf("language_info %v", nb.Metadata.LanguageInfo)
	}
	var got []string
	for _, c := range nb.Cells {
		for _, o := range c.Outputs {
			switch o["output_type"] {
			case "stream":
				got = append(got, "stream:"+joinText(o["text"]))
			case "execute_result", "display_data":
				d := o["data"].(map[string]any)
				if _, ok := d["image/png"]; ok {
					got = append(got, o["output_type"].(string)+":png")
				} else {
					got = append(got, o["output_type"].(string)+":"+joinText(d["text/plain"]))
				}
			default:
				got = append(got, fmt.Sprint(o["output_type"]))
			}
		}
	}
	want := []string{"execute_result:42", "stream:hello from a notebook 42\n"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("outputs %q, want %q", got, want)
	}
}

// joinText reads an nbformat multiline string (a string or a list of lines).
func joinText(v any) string {
	if l, ok := v.([]any); ok {
		var b strings.Builder
		for _, s := range l {
			fmt.Fprint(&b, s)
		}
		return b.String()
	}
	return fmt.Sprint(v)
}

// TestJupyterConsole types three cells into `jupyter console` with the
// kernel, each one after the console shows its prompt for it (so the test
// waits on what the console prints, not on time), then closes its input and
// waits for it to exit.
func TestJupyterConsole(t *testing.T) {
	requirePython(t, "jupyter_console")
	env := jupyterEnv(t)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute) // a guard, not a measurement
	defer cancel()
	cmd := exec.CommandContext(ctx, python, "-m", "jupyter_console", "--kernel", "nnbook", "--simple-prompt")
	cmd.Env = env
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	out := newWatchedOutput()
	cmd.Stdout, cmd.Stderr = out, out
	cmd.WaitDelay = 5 * time.Second
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait(); out.Close() }()
	steps := []struct{ waitFor, send string }{
		{"In [1]: ", "x := 6*7\n"},
		{"In [2]: ", "x\n"},
		{"In [3]: ", "fmt.Println(\"hi\", x)\n"},
		{"In [4]: ", ""}, // then end of input: the console asks, takes the default (exit) and quits
	}
	for _, st := range steps {
		stepCtx, stepCancel := context.WithTimeout(ctx, 90*time.Second) // before the guard kills the console
		seen := out.WaitFor(stepCtx, st.waitFor)
		stepCancel()
		if !seen {
			// Ask the kernel (the console's child) for its goroutines, which
			// it prints on the stderr it shares with the console.
			if kids, err := exec.Command("pgrep", "-P", strconv.Itoa(cmd.Process.Pid)).Output(); err == nil {
				for _, pid := range strings.Fields(string(kids)) {
					exec.Command("kill", "-QUIT", pid).Run()
				}
				dump, stop := context.WithTimeout(context.Background(), 5*time.Second)
				out.WaitFor(dump, "goroutine ") // then the rest of the dump, as far as it came
				<-dump.Done()
				stop()
			}
			t.Fatalf("jupyter console never printed %q:\n%s", st.waitFor, out)
		}
		if st.send != "" {
			io.WriteString(stdin, st.send)
		}
	}
	stdin.Close()
	if err := <-exited; err != nil {
		t.Fatalf("jupyter console: %v\n%s", err, out)
	}
	for _, want := range []string{"Go (go1", "Out[2]: 42", "hi 42"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("console output lacks %q:\n%s", want, out)
		}
	}
}

// watchedOutput collects a process's output and lets a test wait until
// some text shows up in it.
type watchedOutput struct {
	mu      sync.Mutex
	buf     strings.Builder
	changed chan struct{} // closed and replaced on every write and on Close
	closed  bool
}

func newWatchedOutput() *watchedOutput { return &watchedOutput{changed: make(chan struct{})} }

func (w *watchedOutput) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.buf.Write(p)
	close(w.changed)
	w.changed = make(chan struct{})
	return len(p), nil
}

// Close marks the end of the output (the process exited).
func (w *watchedOutput) Close() {
	w.mu.Lock()
	defer w.mu.Unlock()
	if !w.closed {
		w.closed = true
		close(w.changed)
	}
}

func (w *watchedOutput) String() string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.buf.String()
}

// WaitFor blocks until the output contains s (true), or the output ends or
// ctx is done without it (false).
func (w *watchedOutput) WaitFor(ctx context.Context, s string) bool {
	for {
		w.mu.Lock()
		found, closed, ch := strings.Contains(w.buf.String(), s), w.closed, w.changed
		w.mu.Unlock()
		if found || closed {
			return found
		}
		select {
		case <-ch:
		case <-ctx.Done():
			return false
		}
	}
}
