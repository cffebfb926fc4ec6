package jupyter

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestCheckKernelName(t *testing.T) {
	tests := []struct {
		name string
		ok   bool
	}{
		{"nnbook", true},
		{"NN-2", true},
		{"go_1.26", true},
		{".hidden", true}, // Jupyter allows it: only "." and ".." name other directories
		{"", false},
		{".", false},
		{"..", false},
		{"a/b", false},
		{"../x", false},
		{`a\b`, false},
		{"a b", false},
		{"né", false},
	}
	for _, tc := range tests {
		err := CheckKernelName(tc.name)
		if (err == nil) != tc.ok {
			t.Errorf("CheckKernelName(%q) = %v, want ok=%v", tc.name, err, tc.ok)
		}
	}
}

// tree lists every path under dir, for before/after comparisons.
func tree(t *testing.T, dir string) []string {
	t.Helper()
	var paths []string
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil {
			paths = append(paths, strings.TrimPrefix(p, dir))
		}
		return nil
	})
	return paths
}

// TestDotDotTouchesNothing is the data-loss case of issue 15: --name ..
// must not install into, or remove, the directory above the kernels.
func TestDotDotTouchesNothing(t *testing.T) {
	prefix := t.TempDir()
	share := filepath.Join(prefix, "share", "jupyter")
	os.MkdirAll(filepath.Join(share, "kernels", "python3"), 0o755)
	os.WriteFile(filepath.Join(share, "kernels", "python3", "kernel.json"), []byte(`{"argv":["python3","-m","ipykernel_launcher","-f","{connection_file}"],"display_name":"Python 3","language":"python"}`), 0o644)
	os.WriteFile(filepath.Join(share, "precious.txt"), []byte("keep me"), 0o644)
	before := tree(t, prefix)
	for _, cmd := range []string{"install", "uninstall"} {
		for _, name := range []string{"..", ".", "../..", "kernels/../.."} {
			var out, errb bytes.Buffer
			code := Main([]string{cmd, "--prefix", prefix, "--name", name}, nil, &out, &errb)
			if code != 2 || !strings.Contains(errb.String(), "--name: expected letters") {
				t.Errorf("%s --name %q: exit %d, stderr %q; want 2 and the name rule", cmd, name, code, errb.String())
			}
		}
	}
	if after := tree(t, prefix); !slices.Equal(before, after) {
		t.Errorf("files changed:\nbefore %q\nafter  %q", before, after)
	}
}

// TestOtherKernelsAreLeftAlone: install and uninstall refuse a kernelspec
// directory that is not nnbook's, and change nothing in it.
func TestOtherKernelsAreLeftAlone(t *testing.T) {
	kernels := t.TempDir()
	spec := []byte(`{"argv":["python3","-m","ipykernel_launcher","-f","{connection_file}"],"display_name":"Python 3","language":"python"}`)
	py := filepath.Join(kernels, "python3")
	os.MkdirAll(py, 0o755)
	os.WriteFile(filepath.Join(py, "kernel.json"), spec, 0o644)
	notSpec := filepath.Join(kernels, "notes")
	os.MkdirAll(notSpec, 0o755)
	os.WriteFile(filepath.Join(notSpec, "todo.txt"), []byte("x"), 0o644)
	os.Symlink(py, filepath.Join(kernels, "link"))
	os.WriteFile(filepath.Join(kernels, "file"), []byte("x"), 0o644)
	before := tree(t, kernels)
	tests := []struct {
		name string
		want string
	}{
		{"python3", "another kernel's kernelspec"},
		{"notes", "holds no kernel.json"},
		{"link", "not a kernelspec directory"},
		{"file", "not a kernelspec directory"},
	}
	for _, tc := range tests {
		if _, err := Install(kernels, tc.name, "/usr/local/bin/nnbook", "Go (nnbook)"); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("Install over %s: %v, want %q", tc.name, err, tc.want)
		}
		if _, err := Uninstall(kernels, tc.name); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("Uninstall %s: %v, want %q", tc.name, err, tc.want)
		}
	}
	if after := tree(t, kernels); !slices.Equal(before, after) {
		t.Errorf("files changed:\nbefore %q\nafter  %q", before, after)
	}
	if b, _ := os.ReadFile(filepath.Join(py, "kernel.json")); !bytes.Equal(b, spec) {
		t.Errorf("python3's kernel.json changed: %s", b)
	}
}

// TestUninstallKeepsForeignFiles: a file the user put into nnbook's
// kernelspec directory survives uninstall, and so does the directory.
func TestUninstallKeepsForeignFiles(t *testing.T) {
	kernels := t.TempDir()
	in, err := Install(kernels, "nnbook", "/usr/local/bin/nnbook", "Go (nnbook)")
	if err != nil {
		t.Fatal(err)
	}
	if in.Copied || in.Exe != "/usr/local/bin/nnbook" {
		t.Errorf("a stable executable was copied: %s", in)
	}
	os.WriteFile(filepath.Join(in.Dir, "my-notes.txt"), []byte("mine"), 0o644)
	kept, err := Uninstall(kernels, "nnbook")
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(kept, []string{"my-notes.txt"}) {
		t.Errorf("kept %q, want [my-notes.txt]", kept)
	}
	if got := tree(t, in.Dir); !slices.Equal(got, []string{"", "/my-notes.txt"}) {
		t.Errorf("left %q, want only my-notes.txt", got)
	}
}

func TestTransient(t *testing.T) {
	cache, _ := os.UserCacheDir()
	tests := []struct {
		exe  string
		want bool
	}{
		{filepath.Join(os.TempDir(), "go-build123", "b001", "exe", "nnbook"), true},
		{filepath.Join(os.TempDir(), "nnbook"), true},
		{filepath.Join(cache, "go-build", "ab", "abcdef-d", "nnbook"), true},
		{"/home/u/.cache/go-build/1f/1f2e-d/nnbook", true},
		{"/usr/local/bin/nnbook", false},
		{"/root/go/bin/nnbook", false},
	}
	for _, tc := range tests {
		if got := transient(tc.exe); got != tc.want {
			t.Errorf("transient(%s) = %v, want %v", tc.exe, got, tc.want)
		}
	}
}
