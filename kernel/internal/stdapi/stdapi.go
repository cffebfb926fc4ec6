// Package stdapi lists the exported package-level names of the standard
// library of the Go toolchain that runs it, read from GOROOT with go/build
// and go/parser: the names `go doc` shows for a package (functions, types,
// variables and constants; methods belong to their types). kernel's coverage
// test and the generator of kernel/stdgeneric's Go 1.26 tables use it.
package stdapi

import (
	"fmt"
	"go/ast"
	"go/build"
	"go/parser"
	"go/token"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
)

// Name is one exported package-level name.
type Name struct {
	Name    string
	Kind    string // "func", "type", "var" or "const"
	Generic bool   // a generic function or type
}

// String returns "func Name" or "generic func Name".
func (n Name) String() string {
	if n.Generic {
		return "generic " + n.Kind + " " + n.Name
	}
	return n.Kind + " " + n.Name
}

// Packages returns the import paths of the standard library (`go list std`)
// without internal, vendored and cmd packages, sorted.
func Packages() ([]string, error) {
	out, err := exec.Command("go", "list", "std").Output()
	if err != nil {
		return nil, fmt.Errorf("stdapi: go list std: %v", err)
	}
	var ps []string
	for _, p := range strings.Fields(string(out)) {
		if strings.HasPrefix(p, "vendor/") || strings.HasPrefix(p, "cmd/") || hasElem(p, "internal") {
			continue
		}
		ps = append(ps, p)
	}
	sort.Strings(ps)
	return ps, nil
}

func hasElem(p, elem string) bool {
	for _, e := range strings.Split(p, "/") {
		if e == elem {
			return true
		}
	}
	return false
}

// Exported returns the exported package-level names of the standard package
// importPath for the current GOOS and GOARCH, sorted by name.
func Exported(importPath string) ([]Name, error) {
	bp, err := build.Default.Import(importPath, "", 0)
	if err != nil {
		return nil, fmt.Errorf("stdapi: %v", err)
	}
	fset := token.NewFileSet()
	seen := map[string]bool{}
	var names []Name
	add := func(name, kind string, generic bool) {
		if ast.IsExported(name) && !seen[name] {
			seen[name] = true
			names = append(names, Name{Name: name, Kind: kind, Generic: generic})
		}
	}
	for _, file := range bp.GoFiles {
		f, err := parser.ParseFile(fset, filepath.Join(bp.Dir, file), nil, parser.SkipObjectResolution)
		if err != nil {
			return nil, fmt.Errorf("stdapi: %v", err)
		}
		for _, d := range f.Decls {
			switch d := d.(type) {
			case *ast.FuncDecl:
				if d.Recv == nil {
					add(d.Name.Name, "func", d.Type.TypeParams != nil)
				}
			case *ast.GenDecl:
				for _, s := range d.Specs {
					switch s := s.(type) {
					case *ast.TypeSpec:
						add(s.Name.Name, "type", s.TypeParams != nil)
					case *ast.ValueSpec:
						for _, n := range s.Names {
							add(n.Name, d.Tok.String(), false)
						}
					}
				}
			}
		}
	}
	sort.Slice(names, func(i, j int) bool { return names[i].Name < names[j].Name })
	return names, nil
}
