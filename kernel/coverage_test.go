package kernel

import (
	"fmt"
	"go/ast"
	"go/build"
	"go/parser"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	gen "github.com/traefik/yaegi/stdlib/generic"
)

// TestStdlibCoverage lists, for each package of the standard library of the
// toolchain running the test, the exported package-level names (those `go
// doc` lists: funcs, types, vars, consts) and how many of them a cell can
// use: names in the interpreter's compiled symbol tables, or defined by the
// generic sources it compiles (cmp, maps, slices). testdata/coverage.txt
// holds the result (go test -update rewrites it); the README quotes its
// total.
func TestStdlibCoverage(t *testing.T) {
	out, err := exec.Command("go", "list", "std").Output()
	if err != nil {
		t.Skipf("go list std: %v", err)
	}
	var b strings.Builder
	total, usable, partly := 0, 0, 0
	shims := declaredNames(t, shimSources(t))
	yaegiSource := declaredNames(t, gen.Sources[:])
	for _, p := range strings.Fields(string(out)) {
		if strings.Contains(p, "internal") || strings.HasPrefix(p, "vendor/") || strings.HasPrefix(p, "cmd/") {
			continue
		}
		names := exportedNames(t, p)
		if len(names) == 0 {
			continue
		}
		have := packageSymbols(p)
		var missing, source []string
		for _, n := range names {
			_, bin := have[n]
			switch {
			case bin || shims[p+"."+n]:
			case yaegiSource[p+"."+n]:
				source = append(source, n)
			default:
				missing = append(missing, n)
			}
		}
		total += len(names)
		usable += len(names) - len(missing) - len(source)
		partly += len(source)
		fmt.Fprintf(&b, "%s %d/%d", p, len(names)-len(missing)-len(source), len(names))
		if len(source) > 0 {
			fmt.Fprintf(&b, " yaegi-source: %s", strings.Join(source, " "))
		}
		if len(missing) > 0 {
			fmt.Fprintf(&b, " missing: %s", strings.Join(missing, " "))
		}
		b.WriteString("\n")
	}
	got := fmt.Sprintf("# exported names of the standard library a cell can use, per package (usable/total).\n"+
		"# yaegi-source: generic functions from yaegi's Go 1.22 source of cmp, maps and slices; calls\n"+
		"# of those whose type parameters are constrained as S ~[]E or M ~map[K]V fail to infer.\n"+
		"total %d/%d (%.1f%%), %d more from yaegi's source\n%s", usable, total, 100*float64(usable)/float64(total), partly, b.String())
	golden := filepath.Join("testdata", "coverage.txt")
	if *update {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update)", err)
	}
	if string(want) != got {
		t.Errorf("coverage changed (go test -run TestStdlibCoverage -update, then check the README's numbers):\n%s", firstDiff(string(want), got))
	}
	t.Logf("standard library: %d of %d exported names usable in cells, %d more from yaegi's generic source", usable, total, partly)
}

// shimSources returns the engine's shims' Go source.
func shimSources(t *testing.T) []string {
	entries, err := shimFiles.ReadDir("shims")
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, ent := range entries {
		src, _ := shimFiles.ReadFile("shims/" + ent.Name())
		out = append(out, string(src))
	}
	return out
}

// declaredNames returns "pkg.Name" for the exported functions and types
// declared in Go sources.
func declaredNames(t *testing.T, sources []string) map[string]bool {
	m := map[string]bool{}
	for _, src := range sources {
		f, err := parser.ParseFile(token.NewFileSet(), "", src, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range f.Decls {
			switch d := d.(type) {
			case *ast.FuncDecl:
				if d.Recv == nil {
					m[f.Name.Name+"."+d.Name.Name] = true
				}
			case *ast.GenDecl:
				for _, s := range d.Specs {
					if ts, ok := s.(*ast.TypeSpec); ok {
						m[f.Name.Name+"."+ts.Name.Name] = true
					}
				}
			}
		}
	}
	return m
}

// exportedNames returns the exported package-level names of the standard
// package p for this GOOS/GOARCH, sorted.
func exportedNames(t *testing.T, p string) []string {
	bp, err := build.Default.Import(p, "", 0)
	if err != nil {
		return nil
	}
	seen := map[string]bool{}
	for _, f := range bp.GoFiles {
		af, err := parser.ParseFile(token.NewFileSet(), filepath.Join(bp.Dir, f), nil, parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range af.Decls {
			switch d := d.(type) {
			case *ast.FuncDecl:
				if d.Recv == nil && d.Name.IsExported() {
					seen[d.Name.Name] = true
				}
			case *ast.GenDecl:
				for _, s := range d.Specs {
					switch s := s.(type) {
					case *ast.TypeSpec:
						if s.Name.IsExported() {
							seen[s.Name.Name] = true
						}
					case *ast.ValueSpec:
						for _, n := range s.Names {
							if n.IsExported() {
								seen[n.Name] = true
							}
						}
					}
				}
			}
		}
	}
	names := make([]string, 0, len(seen))
	for n := range seen {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// firstDiff returns the first differing line of two texts.
func firstDiff(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := 0; i < len(al) && i < len(bl); i++ {
		if al[i] != bl[i] {
			return fmt.Sprintf("line %d:\nwas: %s\nnow: %s", i+1, al[i], bl[i])
		}
	}
	return fmt.Sprintf("%d lines, now %d", len(al), len(bl))
}
