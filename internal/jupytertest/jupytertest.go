// Package jupytertest sets up the real Jupyter clients for nnbook's tests:
// an isolated Jupyter environment in a temporary directory with the nnbook
// kernelspec installed into it, so tests never touch the user's Jupyter.
package jupytertest

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// Python is the interpreter the Debian Jupyter packages install into.
const Python = "/usr/bin/python3"

// Env returns the process environment with every Jupyter and IPython
// directory moved under dir.
func Env(dir string) []string {
	return append(os.Environ(),
		"JUPYTER_DATA_DIR="+filepath.Join(dir, "data"),
		"JUPYTER_RUNTIME_DIR="+filepath.Join(dir, "runtime"),
		"JUPYTER_CONFIG_DIR="+filepath.Join(dir, "config"),
		"JUPYTER_PATH=",
		"JUPYTER_PLATFORM_DIRS=1",
		"IPYTHONDIR="+filepath.Join(dir, "ipython"),
		"PYTHONDONTWRITEBYTECODE=1",
		"PYTHONWARNINGS=ignore",
	)
}

// InstallKernel runs `bin kernel install` into a fresh environment under a
// temporary directory of t and returns that environment, for the Python
// clients to find the "nnbook" kernel.
func InstallKernel(t testing.TB, bin string) []string {
	t.Helper()
	env := Env(t.TempDir())
	cmd := exec.Command(bin, "kernel", "install")
	cmd.Env = env
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("%s kernel install: %v\n%s", bin, err, out)
	}
	return env
}

// Missing skips the test, saying what is missing (msg), or fails it when
// NNBOOK_REQUIRE_JUPYTER=1 (set by .ci/run, where everything must run).
func Missing(tb testing.TB, msg string) {
	tb.Helper()
	if os.Getenv("NNBOOK_REQUIRE_JUPYTER") == "1" {
		tb.Fatal(msg)
	}
	tb.Skip(msg)
}
