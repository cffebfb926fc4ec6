package atomicfile

import (
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// WriteFile writes data to path under the package rules: a regular file is
// replaced atomically, a symlink's target is replaced, a character device or
// pipe is written in place. perm is the permission of a new file (before the
// umask); an existing file keeps its own.
func WriteFile(path string, data []byte, perm fs.FileMode) error {
	return Write(path, perm, func(w io.Writer) error {
		_, err := io.Copy(w, bytes.NewReader(data))
		return err
	})
}

// Write is WriteFile for content produced by a function: fill writes the
// whole content to w. When fill fails nothing is replaced and its error is
// returned.
func Write(path string, perm fs.FileMode, fill func(w io.Writer) error) error {
	target, err := resolve(path)
	if err != nil {
		return err
	}
	st, err := os.Stat(target)
	switch {
	case err == nil && !st.Mode().IsRegular():
		return writeInPlace(path, target, st.Mode(), fill)
	case err == nil:
		return replace(target, st, perm, fill)
	case os.IsNotExist(err):
		return replace(target, nil, perm, fill)
	}
	return err
}

// replace writes a temporary file beside target and renames it over target.
// old is target's current state, nil when it does not exist.
func replace(target string, old fs.FileInfo, perm fs.FileMode, fill func(io.Writer) error) (err error) {
	dir := filepath.Dir(target)
	f, err := os.CreateTemp(dir, "."+filepath.Base(target)+".tmp-*")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(f.Name())
		}
	}()
	if err = fill(f); err != nil {
		return err
	}
	mode := perm.Perm() &^ umask()
	if old != nil {
		mode = old.Mode().Perm() | old.Mode()&(fs.ModeSetuid|fs.ModeSetgid|fs.ModeSticky)
		keepOwner(f, old)
	}
	if err = f.Chmod(mode); err != nil {
		return err
	}
	if err = f.Sync(); err != nil {
		return fmt.Errorf("syncing %s: %w", f.Name(), err)
	}
	if err = f.Close(); err != nil {
		return err
	}
	if err = os.Rename(f.Name(), target); err != nil {
		return err
	}
	return syncDir(dir)
}
