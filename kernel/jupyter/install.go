package jupyter

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"io"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"

	"github.com/nnbook/nnbook/kernel"
)

// KernelSpec is the kernel.json Jupyter reads to start a kernel.
type KernelSpec struct {
	Argv          []string          `json:"argv"`
	DisplayName   string            `json:"display_name"`
	Language      string            `json:"language"`
	InterruptMode string            `json:"interrupt_mode"`
	Env           map[string]string `json:"env,omitempty"`
	Metadata      map[string]any    `json:"metadata,omitempty"`
}

// String returns `KernelSpec("Go (nnbook)", go: /path/nnbook kernel ...)`.
func (s KernelSpec) String() string {
	return fmt.Sprintf("KernelSpec(%q, %s: %s)", s.DisplayName, s.Language, strings.Join(s.Argv, " "))
}

// NewKernelSpec returns the kernelspec that starts exe as a kernel.
func NewKernelSpec(exe, displayName string) KernelSpec {
	return KernelSpec{
		Argv:          []string{exe, "kernel", "--connection-file", "{connection_file}"},
		DisplayName:   displayName,
		Language:      "go",
		InterruptMode: "message",
		Metadata:      map[string]any{"debugger": false, "nnbook": map[string]string{"version": kernel.Version}},
	}
}

// isNnbook reports whether the kernelspec starts nnbook: one written by
// NewKernelSpec (metadata "nnbook"), or an older one whose argv is nnbook's.
func (s KernelSpec) isNnbook() bool {
	if _, ok := s.Metadata["nnbook"]; ok {
		return true
	}
	return len(s.Argv) == 4 && strings.HasPrefix(filepath.Base(s.Argv[0]), "nnbook") &&
		strings.Join(s.Argv[1:], " ") == "kernel --connection-file {connection_file}"
}

// installOptions are the parsed flags of install and uninstall.
type installOptions struct {
	location    string // "user", "sys-prefix" or "prefix"
	prefix      string
	name        string
	displayName string
}

func parseInstallFlags(cmd string, args []string, allowDisplay bool) (installOptions, error) {
	o := installOptions{location: "user", name: "nnbook", displayName: "Go (nnbook)"}
	seenLoc := false
	setLoc := func(l string) error {
		if seenLoc {
			return errors.New("give at most one of --user, --sys-prefix, --prefix DIR")
		}
		seenLoc = true
		o.location = l
		return nil
	}
	for i := 0; i < len(args); i++ {
		a, val, hasVal := strings.Cut(strings.TrimPrefix(args[i], "-"), "=")
		a = "-" + a
		next := func() (string, error) {
			if hasVal {
				return val, nil
			}
			if i+1 >= len(args) {
				return "", fmt.Errorf("%s wants a value", args[i])
			}
			i++
			return args[i], nil
		}
		var err error
		switch a {
		case "--user":
			err = setLoc("user")
		case "--sys-prefix":
			err = setLoc("sys-prefix")
		case "--prefix":
			if err = setLoc("prefix"); err == nil {
				o.prefix, err = next()
			}
		case "--name":
			o.name, err = next()
		case "--display-name":
			if !allowDisplay {
				err = fmt.Errorf("unknown flag %q", args[i])
			} else {
				o.displayName, err = next()
			}
		default:
			err = fmt.Errorf("unknown flag %q", args[i])
		}
		if err != nil {
			return o, fmt.Errorf("nnbook kernel %s: %v", cmd, err)
		}
	}
	if err := CheckKernelName(o.name); err != nil {
		return o, fmt.Errorf("nnbook kernel %s: --name: %v", cmd, err)
	}
	o.name = strings.ToLower(o.name)
	return o, nil
}

// kernelsDir returns the kernels directory for a location, as jupyter
// kernelspec install computes it.
func kernelsDir(o installOptions) (string, error) {
	switch o.location {
	case "prefix":
		abs, err := filepath.Abs(o.prefix)
		if err != nil {
			return "", err
		}
		return filepath.Join(abs, "share", "jupyter", "kernels"), nil
	case "sys-prefix":
		p, err := sysPrefix()
		if err != nil {
			return "", err
		}
		return filepath.Join(p, "share", "jupyter", "kernels"), nil
	}
	d, err := userDataDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(d, "kernels"), nil
}

// userDataDir is Jupyter's user data directory: $JUPYTER_DATA_DIR, else
// $XDG_DATA_HOME/jupyter or ~/.local/share/jupyter (~/Library/Jupyter on
// macOS, %APPDATA%\jupyter on Windows).
func userDataDir() (string, error) {
	if d := os.Getenv("JUPYTER_DATA_DIR"); d != "" {
		return filepath.Abs(d)
	}
	home, err := os.UserHomeDir()
	switch runtime.GOOS {
	case "darwin":
		if err != nil {
			return "", err
		}
		return filepath.Join(home, "Library", "Jupyter"), nil
	case "windows":
		if a := os.Getenv("APPDATA"); a != "" {
			return filepath.Join(a, "jupyter"), nil
		}
	}
	if x := os.Getenv("XDG_DATA_HOME"); x != "" && filepath.IsAbs(x) {
		return filepath.Join(x, "jupyter"), nil
	}
	if err != nil {
		return "", fmt.Errorf("no home directory for the user kernelspec (set JUPYTER_DATA_DIR): %v", err)
	}
	return filepath.Join(home, ".local", "share", "jupyter"), nil
}

// sysPrefix is Python's sys.prefix: the active conda or virtual environment,
// else what python3 reports.
func sysPrefix() (string, error) {
	for _, v := range []string{"CONDA_PREFIX", "VIRTUAL_ENV"} {
		if p := os.Getenv(v); p != "" {
			return p, nil
		}
	}
	for _, py := range []string{"python3", "python"} {
		out, err := exec.Command(py, "-c", "import sys; print(sys.prefix)").Output()
		if err == nil {
			return strings.TrimSpace(string(out)), nil
		}
	}
	return "", errors.New("--sys-prefix: no CONDA_PREFIX or VIRTUAL_ENV and no python3 to ask for sys.prefix")
}

func installMain(args []string, stdout, stderr io.Writer) int {
	o, err := parseInstallFlags("install", args, true)
	if err != nil {
		fmt.Fprintf(stderr, "%v\n%s", err, usage)
		return 2
	}
	exe, err := os.Executable()
	if err == nil {
		exe, err = filepath.EvalSymlinks(exe)
	}
	if err == nil {
		exe, err = filepath.Abs(exe)
	}
	if err != nil {
		fmt.Fprintf(stderr, "nnbook kernel install: cannot find this program's path: %v\n", err)
		return 1
	}
	dir, err := kernelsDir(o)
	if err != nil {
		fmt.Fprintf(stderr, "nnbook kernel install: %v\n", err)
		return 1
	}
	inst, err := Install(dir, o.name, exe, o.displayName)
	if err != nil {
		fmt.Fprintf(stderr, "nnbook kernel install: %v\n", err)
		return 1
	}
	fmt.Fprintf(stdout, "Installed kernelspec %s in %s\n", o.name, inst.Dir)
	if inst.Copied {
		fmt.Fprintf(stdout, "This nnbook runs from %s, which Go or the system may clean,\nso the kernel runs a copy of it: %s\n(or install it for good: go install github.com/nnbook/nnbook/cmd/nnbook@latest)\n", inst.From, inst.Exe)
	}
	return 0
}

func uninstallMain(args []string, stdout, stderr io.Writer) int {
	o, err := parseInstallFlags("uninstall", args, false)
	if err != nil {
		fmt.Fprintf(stderr, "%v\n%s", err, usage)
		return 2
	}
	dir, err := kernelsDir(o)
	if err != nil {
		fmt.Fprintf(stderr, "nnbook kernel uninstall: %v\n", err)
		return 1
	}
	kept, err := Uninstall(dir, o.name)
	if err != nil {
		fmt.Fprintf(stderr, "nnbook kernel uninstall: %v\n", err)
		return 1
	}
	target := filepath.Join(dir, o.name)
	fmt.Fprintf(stdout, "Removed kernelspec %s from %s\n", o.name, target)
	if len(kept) > 0 {
		fmt.Fprintf(stdout, "Kept %s and the files nnbook did not write there: %s\n", target, strings.Join(kept, ", "))
	}
	return 0
}

// Logo draws the kernel's size×size PNG logo: a small 2-3-2 network (the
// nnbook mark) in white and gold on Go blue.
func Logo(size int) []byte {
	img := image.NewNRGBA(image.Rect(0, 0, size, size))
	bg := color.NRGBA{0x00, 0x7d, 0x9c, 0xff} // Go blue
	white := color.NRGBA{0xff, 0xff, 0xff, 0xff}
	gold := color.NRGBA{0xfd, 0xdd, 0x00, 0xff}
	s := float64(size)
	r := s * 0.18 // corner radius
	for y := 0; y < size; y++ {
		for x := 0; x < size; x++ {
			fx, fy := float64(x)+0.5, float64(y)+0.5
			cx, cy := math.Max(r, math.Min(s-r, fx)), math.Max(r, math.Min(s-r, fy))
			if math.Hypot(fx-cx, fy-cy) <= r {
				img.Set(x, y, bg)
			}
		}
	}
	cols := [][]float64{{0.35, 0.65}, {0.22, 0.5, 0.78}, {0.35, 0.65}}
	xs := []float64{0.2, 0.5, 0.8}
	type pt struct{ x, y float64 }
	var layers [][]pt
	for i, c := range cols {
		var l []pt
		for _, y := range c {
			l = append(l, pt{xs[i] * s, y * s})
		}
		layers = append(layers, l)
	}
	line := func(a, b pt, w float64) {
		for y := 0; y < size; y++ {
			for x := 0; x < size; x++ {
				px, py := float64(x)+0.5, float64(y)+0.5
				dx, dy := b.x-a.x, b.y-a.y
				t := math.Max(0, math.Min(1, ((px-a.x)*dx+(py-a.y)*dy)/(dx*dx+dy*dy)))
				if math.Hypot(px-(a.x+t*dx), py-(a.y+t*dy)) <= w {
					img.Set(x, y, white)
				}
			}
		}
	}
	for i := 0; i+1 < len(layers); i++ {
		for _, a := range layers[i] {
			for _, b := range layers[i+1] {
				line(a, b, s*0.02+0.3)
			}
		}
	}
	for i, l := range layers {
		c := white
		if i == 1 {
			c = gold
		}
		for _, p := range l {
			rad := s * 0.085
			for y := 0; y < size; y++ {
				for x := 0; x < size; x++ {
					if math.Hypot(float64(x)+0.5-p.x, float64(y)+0.5-p.y) <= rad {
						img.Set(x, y, c)
					}
				}
			}
		}
	}
	var buf bytes.Buffer
	png.Encode(&buf, img)
	return buf.Bytes()
}
