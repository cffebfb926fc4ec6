package compile

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"runtime"
	"runtime/debug"
	"strings"

	"github.com/nnbook/nnbook/nnlib"
)

// ModulePath is nnbook's module: the one compiled cells replace with the
// source this binary was built from.
const ModulePath = "github.com/nnbook/nnbook"

// Host is what a plugin must match to load into this process: the Go
// toolchain, the module versions and build flags of the running binary, and
// the directory holding the nnbook source it was built from.
type Host struct {
	GoCmd     string            // the go command
	GoVersion string            // runtime.Version() of this binary
	SrcDir    string            // the nnbook source the binary was built from
	GoLine    string            // the go directive of SrcDir/go.mod
	Deps      []*debug.Module   // the binary's module dependencies
	Flags     []string          // build flags that change compiled packages (-tags, -race, -gcflags …)
	Env       map[string]string // GOARCH, GOAMD64 … as the binary was built
	Revision  string            // vcs.revision, when the binary was stamped
	Modified  bool              // vcs.modified
	SourceSum string            // a hash of SrcDir's Go sources now (plugins are built from them)
}

// Problem is why compiled cells cannot work here: a cause and what to do.
type Problem struct {
	Cause string // "the go command is not on PATH"
	Fix   string // "install Go 1.26.8 (https://go.dev/dl/) or put it on PATH"
}

// Error returns "compiled cells are not available: CAUSE; FIX".
func (p *Problem) Error() string {
	return "compiled cells are not available here: " + p.Cause + "; " + p.Fix
}

// String is Error.
func (p *Problem) String() string { return p.Error() }

// pluginPlatforms lists the GOOS values with -buildmode=plugin support.
var pluginPlatforms = map[string]bool{"linux": true, "darwin": true, "freebsd": true}

// DetectHost reads the running binary's build information and checks
// everything a plugin build needs, cheapest first. It runs the go command
// (go env) once; the result does not change while the process runs.
func DetectHost() (*Host, error) {
	bi, ok := debug.ReadBuildInfo()
	return detectHost(runtime.GOOS, bi, ok, sourceDir)
}

// detectHost is DetectHost for a platform, build information and a way to
// find the source directory.
func detectHost(goos string, bi *debug.BuildInfo, ok bool, sourceDir func() (string, error)) (*Host, error) {
	if !pluginPlatforms[goos] {
		return nil, &Problem{Cause: fmt.Sprintf("Go plugins do not exist on %s", goos),
			Fix: "run nnbook on Linux, macOS or FreeBSD (for instance in WSL or a container) to compile cells, or remove the //nnbook:compile line to interpret the cell"}
	}
	if !ok {
		return nil, &Problem{Cause: "this nnbook binary carries no build information", Fix: "build nnbook with the go command (go install github.com/nnbook/nnbook/cmd/nnbook)"}
	}
	h := &Host{GoVersion: runtime.Version(), Env: map[string]string{}}
	for _, d := range bi.Deps {
		if d.Path != ModulePath {
			h.Deps = append(h.Deps, d)
		}
	}
	cgo := ""
	for _, s := range bi.Settings {
		switch s.Key {
		case "-trimpath":
			if s.Value == "true" {
				return nil, &Problem{Cause: "this nnbook binary was built with -trimpath, so the source it was built from cannot be found",
					Fix: "rebuild nnbook without -trimpath (go install github.com/nnbook/nnbook/cmd/nnbook)"}
			}
		case "CGO_ENABLED":
			cgo = s.Value
		case "-tags", "-gcflags", "-asmflags":
			if s.Value != "" {
				h.Flags = append(h.Flags, s.Key+"="+s.Value)
			}
		case "-race", "-msan", "-asan":
			if s.Value == "true" {
				h.Flags = append(h.Flags, s.Key)
			}
		case "GOARCH", "GOOS", "GOAMD64", "GOARM", "GOARM64", "GO386", "GOMIPS", "GOPPC64", "GORISCV64", "GOEXPERIMENT":
			h.Env[s.Key] = s.Value
		case "vcs.revision":
			h.Revision = s.Value
		case "vcs.modified":
			h.Modified = s.Value == "true"
		}
	}
	if cgo != "1" {
		return nil, &Problem{Cause: "this nnbook binary was built without cgo (CGO_ENABLED=0), and loading Go plugins needs it",
			Fix: "install a C compiler (gcc or clang) and rebuild nnbook with CGO_ENABLED=1"}
	}
	src, err := sourceDir()
	if err != nil {
		return nil, err
	}
	h.SrcDir = src
	goMod, err := os.ReadFile(filepath.Join(src, "go.mod"))
	if err != nil {
		return nil, &Problem{Cause: fmt.Sprintf("the nnbook source this binary was built from (%s) is gone", src),
			Fix: "rebuild nnbook from a checkout that stays (go install github.com/nnbook/nnbook/cmd/nnbook)"}
	}
	h.GoLine = goDirective(string(goMod))
	if h.GoCmd, err = findGo(); err != nil {
		return nil, err
	}
	out, err := exec.Command(h.GoCmd, "env", "GOVERSION", "CC").Output()
	if err != nil {
		return nil, &Problem{Cause: fmt.Sprintf("%s env failed: %v", h.GoCmd, err), Fix: "check the Go installation (go env)"}
	}
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	if len(lines) < 1 || lines[0] != h.GoVersion {
		return nil, &Problem{Cause: fmt.Sprintf("the go command is %s but nnbook was built with %s", firstOf(lines), h.GoVersion),
			Fix: fmt.Sprintf("put %s first on PATH, or rebuild nnbook with the go command you have", h.GoVersion)}
	}
	cc := "gcc"
	if len(lines) > 1 && lines[1] != "" {
		cc = strings.Fields(lines[1])[0]
	}
	if _, err := exec.LookPath(cc); err != nil {
		return nil, &Problem{Cause: fmt.Sprintf("there is no C compiler (%s), which Go needs to build plugins", cc),
			Fix: "install gcc or clang (Debian: apt-get install gcc)"}
	}
	if h.SourceSum, err = sourceSum(h.SrcDir); err != nil {
		return nil, &Problem{Cause: fmt.Sprintf("the nnbook source at %s cannot be read (%v)", h.SrcDir, err), Fix: "check its permissions, or rebuild nnbook from a readable checkout"}
	}
	return h, nil
}

func firstOf(lines []string) string {
	if len(lines) == 0 {
		return "unknown"
	}
	return lines[0]
}

// sourceDir finds the nnbook source the binary was built from: the file
// names the compiler recorded for nnlib's functions.
func sourceDir() (string, error) {
	pc := reflect.ValueOf(nnlib.CellContext).Pointer()
	f := runtime.FuncForPC(pc)
	if f == nil {
		return "", &Problem{Cause: "the binary's file table does not name nnlib's source", Fix: "rebuild nnbook with the go command"}
	}
	file, _ := f.FileLine(pc)
	dir := filepath.Dir(filepath.Dir(file)) // …/nnlib/fit.go → …
	if !filepath.IsAbs(file) || filepath.Base(filepath.Dir(file)) != "nnlib" {
		return "", &Problem{Cause: fmt.Sprintf("this nnbook binary names its sources %q, not by a directory (built with -trimpath?)", file),
			Fix: "rebuild nnbook without -trimpath (go install github.com/nnbook/nnbook/cmd/nnbook)"}
	}
	return dir, nil
}

// goDirective returns the version of go.mod's go line ("1.26.0").
func goDirective(mod string) string {
	for _, l := range strings.Split(mod, "\n") {
		if f := strings.Fields(l); len(f) == 2 && f[0] == "go" {
			return f[1]
		}
	}
	return strings.TrimPrefix(runtime.Version(), "go")
}

// findGo finds the go command: PATH first, then the GOROOT the binary was
// built with.
func findGo() (string, error) {
	if p, err := exec.LookPath("go"); err == nil {
		return p, nil
	}
	//lint:ignore SA1019 the toolchain that built this binary is the one wanted.
	if root := runtime.GOROOT(); root != "" {
		p := filepath.Join(root, "bin", "go")
		if _, err := os.Stat(p); err == nil {
			return p, nil
		}
	}
	return "", &Problem{Cause: "the go command is not on PATH", Fix: fmt.Sprintf("install %s (https://go.dev/dl/) and put it on PATH", runtime.Version())}
}

// CheckoutMoved compares a stamped binary's revision with its checkout's
// and returns a note when they differ: a compiled cell importing a package
// that changed since will not load (plugin.Open is the judge, and the cell
// then says so). "" when they match or nothing can be told.
func (h *Host) CheckoutMoved() string {
	if h.Revision == "" || h.Modified {
		return "" // unstamped or built from a modified tree
	}
	out, err := exec.Command("git", "-C", h.SrcDir, "rev-parse", "HEAD").Output()
	if err != nil {
		return ""
	}
	if head := strings.TrimSpace(string(out)); head != h.Revision {
		return fmt.Sprintf("the checkout at %s is now at commit %.12s but nnbook was built from %.12s: compiled cells that use a package changed since will not load; rebuild nnbook there (go install ./cmd/nnbook)", h.SrcDir, head, h.Revision)
	}
	return ""
}

// sourceSum hashes the Go sources, go.mod and go.sum under dir (not tests,
// testdata or hidden directories): plugins built from other sources are
// kept apart.
func sourceSum(dir string) (string, error) {
	s := sha256.New()
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := d.Name()
		if d.IsDir() {
			if p != dir && (strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_") || name == "testdata") {
				return filepath.SkipDir
			}
			return nil
		}
		if !(strings.HasSuffix(name, ".go") && !strings.HasSuffix(name, "_test.go") || strings.HasSuffix(name, ".s") || name == "go.mod" || name == "go.sum") {
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		fmt.Fprintf(s, "%s %d\n", p, len(b))
		s.Write(b)
		return nil
	})
	return hex.EncodeToString(s.Sum(nil)), err
}

// IsProblem reports whether err is a *Problem (compiled cells cannot work
// here at all), as opposed to an error of one cell.
func IsProblem(err error) bool {
	var p *Problem
	return errors.As(err, &p)
}
