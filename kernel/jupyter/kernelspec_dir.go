package jupyter

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"

	"github.com/nnbook/nnbook/internal/atomicfile"
)

// An Installation is what Install wrote.
type Installation struct {
	Dir    string // the kernelspec directory, KERNELS/NAME
	Exe    string // the executable kernel.json starts
	From   string // the executable Install was asked to register
	Copied bool   // Exe is a copy of From made in Dir (From was transient)
}

// String returns e.g. `Installation(/…/kernels/nnbook runs /usr/local/bin/nnbook)`.
func (in Installation) String() string {
	s := fmt.Sprintf("Installation(%s runs %s", in.Dir, in.Exe)
	if in.Copied {
		s += ", copied from " + in.From
	}
	return s + ")"
}

// logoNames are the logo files of a kernelspec, with their sizes.
var logoSizes = map[string]int{"logo-32x32.png": 32, "logo-64x64.png": 64}

// Install writes the kernelspec of exe into dir/name (dir is a kernels
// directory) with its two logos. When exe lives in Go's build cache or a
// temporary directory it is first copied into dir/name, and the kernelspec
// starts the copy. An existing dir/name is only updated when it is nnbook's
// own kernelspec; another kernel's is left alone with an error.
func Install(dir, name, exe, displayName string) (Installation, error) {
	in := Installation{Dir: filepath.Join(dir, name), Exe: exe, From: exe}
	if err := CheckKernelName(name); err != nil {
		return in, err
	}
	if err := checkOurs(in.Dir, true); err != nil {
		return in, err
	}
	if err := os.MkdirAll(in.Dir, 0o755); err != nil {
		return in, err
	}
	if transient(exe) {
		in.Exe, in.Copied = filepath.Join(in.Dir, exeName()), true
		if err := copyExecutable(exe, in.Exe); err != nil {
			return in, fmt.Errorf("copying %s into the kernelspec: %w", exe, err)
		}
	}
	b, err := json.MarshalIndent(NewKernelSpec(in.Exe, displayName), "", "  ")
	if err != nil {
		return in, err
	}
	for f, size := range logoSizes {
		if err := atomicfile.WriteFile(filepath.Join(in.Dir, f), Logo(size), 0o644); err != nil {
			return in, err
		}
	}
	return in, atomicfile.WriteFile(filepath.Join(in.Dir, "kernel.json"), append(b, '\n'), 0o644)
}

// copyExecutable copies the program at from to to, executable.
func copyExecutable(from, to string) error {
	src, err := os.Open(from)
	if err != nil {
		return err
	}
	defer src.Close()
	return atomicfile.Write(to, 0o755, func(w io.Writer) error {
		_, err := io.Copy(w, src)
		return err
	})
}

// Uninstall removes the kernelspec dir/name that Install wrote: the files
// nnbook puts there, then the directory when nothing else is left in it.
// It refuses (removing nothing) when name is not a valid kernel name or
// dir/name does not hold a kernel.json that starts nnbook. kept lists the
// files it found there but did not write, which stay with the directory.
func Uninstall(dir, name string) (kept []string, err error) {
	if err := CheckKernelName(name); err != nil {
		return nil, err
	}
	target := filepath.Join(dir, name)
	if err := checkOurs(target, false); err != nil {
		return nil, err
	}
	spec, _ := readSpec(target)
	var ours []string
	for f := range logoSizes {
		ours = append(ours, f)
	}
	if len(spec.Argv) > 0 && spec.Argv[0] == filepath.Join(target, exeName()) {
		ours = append(ours, exeName())
	}
	ours = append(ours, "kernel.json") // last: a half-done uninstall stays recognisable
	for _, f := range ours {
		if err := os.Remove(filepath.Join(target, f)); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return nil, err
		}
	}
	ents, err := os.ReadDir(target)
	if err != nil {
		return nil, err
	}
	for _, e := range ents {
		kept = append(kept, e.Name())
	}
	if len(kept) == 0 {
		return nil, os.Remove(target)
	}
	slices.Sort(kept)
	return kept, nil
}

// checkOurs checks that target is nnbook's kernelspec directory: a real
// directory (not a symlink) holding a kernel.json that starts nnbook. With
// mayBeNew a missing or empty directory passes too (Install creates it).
func checkOurs(target string, mayBeNew bool) error {
	st, err := os.Lstat(target)
	if errors.Is(err, fs.ErrNotExist) {
		if mayBeNew {
			return nil
		}
		return fmt.Errorf("no kernelspec %q in %s", filepath.Base(target), filepath.Dir(target))
	}
	if err != nil {
		return err
	}
	if !st.IsDir() {
		return fmt.Errorf("%s is not a kernelspec directory (it is %v); nothing changed", target, st.Mode().Type())
	}
	spec, err := readSpec(target)
	if errors.Is(err, fs.ErrNotExist) {
		if ents, _ := os.ReadDir(target); mayBeNew && len(ents) == 0 {
			return nil
		}
		return fmt.Errorf("%s holds no kernel.json: it is not a kernelspec nnbook wrote; nothing changed", target)
	}
	if err != nil {
		return fmt.Errorf("%s: %v; nothing changed", filepath.Join(target, "kernel.json"), err)
	}
	if !spec.isNnbook() {
		return fmt.Errorf("%s is another kernel's kernelspec (argv %q), not nnbook's; nothing changed (choose another --name)", target, spec.Argv)
	}
	return nil
}

// readSpec reads dir/kernel.json.
func readSpec(dir string) (KernelSpec, error) {
	var spec KernelSpec
	b, err := os.ReadFile(filepath.Join(dir, "kernel.json"))
	if err != nil {
		return spec, err
	}
	if err := json.Unmarshal(b, &spec); err != nil {
		return spec, fmt.Errorf("not a valid kernel.json: %v", err)
	}
	return spec, nil
}
