// Command genextra writes yaegi symbol tables for the exported non-generic
// names of the standard library of the running Go toolchain that yaegi's
// own tables (github.com/traefik/yaegi/stdlib, Go 1.22) lack: one file per
// package, made by `yaegi extract -include` with just those names, in the
// current directory.
//
// Usage (from go generate in kernel/stdgeneric):
//
//	go run ./internal/genextra -name stdgeneric
package main

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/nnbook/nnbook/kernel/internal/stdapi"
	"github.com/traefik/yaegi/stdlib"
)

// skipped are the packages a cell is not offered, as in yaegi's stdlib:
// they escape the interpreter (unsafe, syscall, os/exec, plugin, cgo) or
// only make sense in a test binary.
var skipped = regexp.MustCompile(`^(unsafe|syscall|os/exec|plugin|runtime/cgo|runtime/race|runtime/coverage|time/tzdata|testing|testing/.*|crypto/mlkem/mlkemtest)$`)

func main() {
	name := flag.String("name", "stdgeneric", "package name of the generated files")
	flag.Parse()
	if err := run(*name); err != nil {
		fmt.Fprintln(os.Stderr, "genextra:", err)
		os.Exit(1)
	}
}

func run(name string) error {
	old, err := filepath.Glob("go1_*_extra_*.go")
	if err != nil {
		return err
	}
	for _, f := range old {
		if err := os.Remove(f); err != nil {
			return err
		}
	}
	pkgs, err := stdapi.Packages()
	if err != nil {
		return err
	}
	tmp, err := os.MkdirTemp("", "genextra")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	yaegi := filepath.Join(tmp, "yaegi")
	if out, err := exec.Command("go", "build", "-o", yaegi, "github.com/traefik/yaegi/cmd/yaegi").CombinedOutput(); err != nil {
		return fmt.Errorf("building yaegi: %v\n%s", err, out)
	}
	for _, p := range pkgs {
		if skipped.MatchString(p) {
			continue
		}
		missing, err := missingNames(p)
		if err != nil {
			return err
		}
		if len(missing) == 0 {
			continue
		}
		dir := filepath.Join(tmp, strings.ReplaceAll(p, "/", "_"))
		if err := os.Mkdir(dir, 0o755); err != nil {
			return err
		}
		cmd := exec.Command(yaegi, "extract", "-name", name, "-include", "^("+strings.Join(missing, "|")+")$", p)
		cmd.Dir = dir
		if out, err := cmd.CombinedOutput(); err != nil {
			return fmt.Errorf("yaegi extract %s: %v\n%s", p, err, out)
		}
		files, err := filepath.Glob(filepath.Join(dir, "*.go"))
		if err != nil || len(files) != 1 {
			return fmt.Errorf("yaegi extract %s made %v (%v)", p, files, err)
		}
		src, err := os.ReadFile(files[0])
		if err != nil {
			return err
		}
		if !strings.Contains(string(src), "reflect.ValueOf") {
			continue // only constraint interfaces such as cmp.Ordered
		}
		out := fmt.Sprintf("go1_%s_extra_%s.go", minor(), strings.ReplaceAll(p, "/", "_"))
		if err := os.WriteFile(out, src, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// missingNames returns the exported non-generic names of the standard package p
// that yaegi's tables lack.
func missingNames(p string) ([]string, error) {
	names, err := stdapi.Exported(p)
	if err != nil {
		return nil, err
	}
	have := stdlib.Symbols[p+"/"+pkgName(p)]
	var missing []string
	for _, n := range names {
		if _, ok := have[n.Name]; !ok && !n.Generic {
			missing = append(missing, n.Name)
		}
	}
	return missing, nil
}

// pkgName is the package name of a standard import path ("rand" for
// "math/rand/v2").
func pkgName(p string) string {
	b := path.Base(p)
	if strings.HasPrefix(b, "v") && strings.Trim(b[1:], "0123456789") == "" && path.Dir(p) != "." {
		return path.Base(path.Dir(p))
	}
	return b
}

// minor returns the toolchain's "1.26" as "26".
func minor() string {
	out, err := exec.Command("go", "env", "GOVERSION").Output()
	if err != nil {
		return "x"
	}
	v := strings.TrimPrefix(strings.TrimSpace(string(out)), "go1.")
	v, _, _ = strings.Cut(v, ".")
	return v
}
