package jupyter

import (
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
)

// exeName is the file name of the kernel's copy of nnbook in its kernelspec
// directory.
func exeName() string {
	if runtime.GOOS == "windows" {
		return "nnbook.exe"
	}
	return "nnbook"
}

// transient reports whether exe lives where it may vanish: Go's build cache
// (`go run` keeps its binaries there) or a temporary directory (`go run`
// before Go 1.24, `go test`, a download). A kernelspec must not point there.
func transient(exe string) bool {
	if slices.Contains(strings.Split(filepath.ToSlash(exe), "/"), "go-build") {
		return true
	}
	var roots []string
	roots = append(roots, os.TempDir())
	if c := os.Getenv("GOCACHE"); c != "" && c != "off" {
		roots = append(roots, c)
	}
	if c, err := os.UserCacheDir(); err == nil {
		roots = append(roots, filepath.Join(c, "go-build"))
	}
	for _, r := range roots {
		if real, err := filepath.EvalSymlinks(r); err == nil {
			r = real
		}
		if rel, err := filepath.Rel(r, exe); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			return true
		}
	}
	return false
}
