package jupyter

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

// TestCompiledCellWithJupyterClient: the kernel Jupyter starts releases its
// start-up pages (release_linux.go), among them the dynamic symbol tables
// that loading a compiled cell's plugin reads, and still builds, loads and
// calls a compiled cell. It skips where compiled cells cannot work (nnbook
// doctor says why), unless NNBOOK_REQUIRE_COMPILE=1.
func TestCompiledCellWithJupyterClient(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("the kernel releases start-up pages on Linux only")
	}
	requirePython(t, "jupyter_client")
	bin := kernelBinary(t)
	if binNote != "cmd/nnbook" {
		t.Skipf("the kernel is %s, not nnbook", binNote)
	}
	// The go command's caches as they are (a fresh HOME would rebuild the
	// runtime for plugins); the plugins in a directory of this test.
	out, err := exec.Command("go", "env", "GOCACHE", "GOMODCACHE").Output()
	if err != nil {
		t.Skipf("go env: %v", err)
	}
	caches := strings.Split(strings.TrimSpace(string(out)), "\n")
	if len(caches) != 2 {
		t.Fatalf("go env printed %q", out)
	}
	extra := []string{"GOCACHE=" + caches[0], "GOMODCACHE=" + caches[1], "XDG_CACHE_HOME=" + filepath.Join(t.TempDir(), "cache")}
	var doctor bytes.Buffer
	cmd := exec.Command(bin, "doctor")
	cmd.Env = append(os.Environ(), extra...)
	cmd.Stdout, cmd.Stderr = &doctor, &doctor
	if err := cmd.Run(); err != nil {
		if strings.Contains(doctor.String(), "do not work here") && os.Getenv("NNBOOK_REQUIRE_COMPILE") != "1" {
			t.Skipf("nnbook doctor: %s", doctor.String())
		}
		t.Fatalf("nnbook doctor: %v\n%s", err, doctor.String())
	}
	env := append(jupyterEnv(t), extra...)
	log, err := runPython(t, env, 12*time.Minute, "check_client.py", "compiled")
	t.Log("\n" + log)
	if err != nil {
		t.Fatal(err)
	}
}
