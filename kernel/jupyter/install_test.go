package jupyter

import (
	"bytes"
	"encoding/json"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestInstallUninstall(t *testing.T) {
	tmp := t.TempDir()
	exe, _ := os.Executable()
	exe, _ = filepath.EvalSymlinks(exe)
	tests := []struct {
		name string
		env  map[string]string
		args []string
		dir  string // where kernel.json must land
	}{
		{"JUPYTER_DATA_DIR", map[string]string{"JUPYTER_DATA_DIR": filepath.Join(tmp, "jdd")}, nil, filepath.Join(tmp, "jdd", "kernels", "nnbook")},
		{"XDG_DATA_HOME", map[string]string{"JUPYTER_DATA_DIR": "", "XDG_DATA_HOME": filepath.Join(tmp, "xdg")}, []string{"--user"}, filepath.Join(tmp, "xdg", "jupyter", "kernels", "nnbook")},
		{"HOME", map[string]string{"JUPYTER_DATA_DIR": "", "XDG_DATA_HOME": "", "HOME": filepath.Join(tmp, "home")}, nil, filepath.Join(tmp, "home", ".local", "share", "jupyter", "kernels", "nnbook")},
		{"prefix and name", nil, []string{"--prefix", filepath.Join(tmp, "pfx"), "--name", "NN-2"}, filepath.Join(tmp, "pfx", "share", "jupyter", "kernels", "nn-2")},
		{"prefix=", nil, []string{"--prefix=" + filepath.Join(tmp, "pfx2")}, filepath.Join(tmp, "pfx2", "share", "jupyter", "kernels", "nnbook")},
		{"sys-prefix", map[string]string{"VIRTUAL_ENV": filepath.Join(tmp, "venv"), "CONDA_PREFIX": ""}, []string{"--sys-prefix"}, filepath.Join(tmp, "venv", "share", "jupyter", "kernels", "nnbook")},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			for k, v := range tc.env {
				t.Setenv(k, v)
			}
			var out, errb bytes.Buffer
			if code := Main(append([]string{"install"}, tc.args...), nil, &out, &errb); code != 0 {
				t.Fatalf("install exit %d: %s", code, errb.String())
			}
			b, err := os.ReadFile(filepath.Join(tc.dir, "kernel.json"))
			if err != nil {
				t.Fatalf("kernel.json not at %s: %v (stdout %q)", tc.dir, err, out.String())
			}
			var spec KernelSpec
			if err := json.Unmarshal(b, &spec); err != nil {
				t.Fatal(err)
			}
			// The test binary lives in a temporary directory: the kernel runs a copy.
			want := []string{filepath.Join(tc.dir, "nnbook"), "kernel", "--connection-file", "{connection_file}"}
			if !strings.Contains(out.String(), "runs a copy of it: "+want[0]) {
				t.Errorf("install did not say where the copy went: %q", out.String())
			}
			if a, b := fileSize(t, exe), fileSize(t, want[0]); a != b {
				t.Errorf("the copy has %d bytes, the executable %d", b, a)
			}
			if strings.Join(spec.Argv, " ") != strings.Join(want, " ") || !filepath.IsAbs(spec.Argv[0]) {
				t.Errorf("argv %q, want %q", spec.Argv, want)
			}
			if spec.DisplayName != "Go (nnbook)" || spec.Language != "go" || spec.InterruptMode != "message" {
				t.Errorf("spec %s", spec)
			}
			for _, size := range []int{32, 64} {
				f, err := os.Open(filepath.Join(tc.dir, "logo-"+itoa(size)+"x"+itoa(size)+".png"))
				if err != nil {
					t.Fatal(err)
				}
				img, err := png.Decode(f)
				f.Close()
				if err != nil || img.Bounds().Dx() != size || img.Bounds().Dy() != size {
					t.Errorf("logo %d: %v %v", size, err, img.Bounds())
				}
			}
			if code := Main(append([]string{"uninstall"}, tc.args...), nil, &out, &errb); code != 0 {
				t.Fatalf("uninstall exit %d: %s", code, errb.String())
			}
			if _, err := os.Stat(tc.dir); !os.IsNotExist(err) {
				t.Errorf("%s still there after uninstall", tc.dir)
			}
			if code := Main(append([]string{"uninstall"}, tc.args...), nil, &out, &errb); code != 1 {
				t.Errorf("second uninstall exit %d, want 1", code)
			}
		})
	}
}

func fileSize(t *testing.T, path string) int64 {
	t.Helper()
	st, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	return st.Size()
}

func itoa(i int) string { return string(rune('0'+i/10)) + string(rune('0'+i%10)) }

func TestMainUsage(t *testing.T) {
	tests := []struct {
		args []string
		code int
		msg  string
	}{
		{nil, 2, "usage"},
		{[]string{"--bogus"}, 2, `unknown argument "--bogus"`},
		{[]string{"--connection-file"}, 2, "wants a file name"},
		{[]string{"install", "--user", "--prefix", "x"}, 2, "at most one"},
		{[]string{"install", "--name", "bad name!"}, 2, "--name: expected letters"},
		{[]string{"install", "--name", ".."}, 2, `got ".."`},
		{[]string{"uninstall", "--name", "."}, 2, `got "."`},
		{[]string{"uninstall", "--name", "a/b"}, 2, `got "a/b"`},
		{[]string{"install", "--prefix"}, 2, "wants a value"},
		{[]string{"uninstall", "--display-name", "x"}, 2, "unknown flag"},
		{[]string{"--connection-file", "/nonexistent/kernel.json"}, 1, "no such file"},
		{[]string{"help"}, 0, ""},
	}
	for _, tc := range tests {
		var out, errb bytes.Buffer
		code := Main(tc.args, nil, &out, &errb)
		if code != tc.code || !strings.Contains(errb.String(), tc.msg) {
			t.Errorf("Main(%q) = %d, stderr %q; want %d and %q", tc.args, code, errb.String(), tc.code, tc.msg)
		}
	}
}
