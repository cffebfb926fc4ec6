package jupyter

import (
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/nnbook/nnbook/internal/jupytertest"
)

// TestInstallSurvivesDeletedBinary is issue 14's first-hour case: install
// the kernel from a binary in a temporary directory (as `go run ... kernel
// install` does from Go's build cache), delete that directory, and a cell
// still runs through jupyter_client.
func TestInstallSurvivesDeletedBinary(t *testing.T) {
	requirePython(t, "jupyter_client")
	tmp, err := os.MkdirTemp("", "nnbook-go-run-")
	if err != nil {
		t.Fatal(err)
	}
	defer os.RemoveAll(tmp)
	bin := filepath.Join(tmp, "nnbook")
	copyFile(t, kernelBinary(t), bin)
	env := jupytertest.Env(t.TempDir())
	cmd := exec.Command(bin, "kernel", "install")
	cmd.Env = env
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("kernel install: %v\n%s", err, out)
	}
	if !strings.Contains(string(out), "runs a copy of it") {
		t.Errorf("install did not say it copied the binary:\n%s", out)
	}
	if err := os.RemoveAll(tmp); err != nil {
		t.Fatal(err)
	}
	res, err := runPython(t, env, 2*time.Minute, "check_client.py", "cell")
	t.Log("\n" + res)
	if err != nil {
		t.Fatal(err)
	}
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	src, err := os.Open(from)
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	dst, err := os.OpenFile(to, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o755)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(dst, src); err != nil {
		t.Fatal(err)
	}
	if err := dst.Close(); err != nil {
		t.Fatal(err)
	}
}
