package rewrite

import (
	"flag"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/nnbook/nnbook/kernel/internal/stdtypes"
	"github.com/nnbook/nnbook/kernel/stdgeneric"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata")

// fakeSession is a Session described by a case's first line:
// "// session: declared=a,b integer=n builtin=min,max inttype=Count
// vartype=n:Count type:seq=func(func(int)~bool) slice=xs string=s
// methods=Box.Get,*Box.Set" (~ stands for a space in a type; slice:
// variables of type []int, string: of type string; methods cells declared,
// each taking no arguments and returning an int).
type fakeSession struct {
	declared, integer, builtin, inttype, slice, str map[string]bool
	varType, types, methods                         map[string]string
}

func (s fakeSession) Declared(name string) bool      { return s.declared[name] }
func (s fakeSession) Integer(name string) bool       { return s.integer[name] }
func (s fakeSession) Builtin(name string) bool       { return s.builtin[name] && !s.declared[name] }
func (s fakeSession) IntegerType(name string) bool   { return s.inttype[name] }
func (s fakeSession) VarTypeName(name string) string { return s.varType[name] }
func (s fakeSession) HasMethod(name string) bool {
	for tm := range s.methods {
		if _, m, _ := strings.Cut(tm, "."); m == name {
			return true
		}
	}
	return false
}
func (s fakeSession) VarType(name string) reflect.Type {
	switch {
	case s.slice[name]:
		return reflect.TypeOf([]int(nil))
	case s.str[name]:
		return reflect.TypeOf("")
	}
	return nil
}
func (s fakeSession) TypeOf(name string) string { return s.types[name] }

// TypeDecl knows the declarations given as type:T.decl=T~struct{…}.
func (s fakeSession) TypeDecl(name string) string { return s.types[name+".decl"] }
func (s fakeSession) MethodDecl(typ, m string) string {
	return s.methods[typ+"."+m]
}

// Func knows Clamp[T cmp.Ordered](x, lo, hi T) T, words() []string and
// clock() (h, m int, ampm string).
func (s fakeSession) Func(name string) *ast.FuncDecl {
	if name == "words" && s.declared[name] {
		return parseFunc("func words() []string")
	}
	if name == "clock" && s.declared[name] {
		return parseFunc("func clock() (h, m int, ampm string)")
	}
	if name != "Clamp" || !s.declared[name] {
		return nil
	}
	return parseFunc("func Clamp[T cmp.Ordered](x, lo, hi T) T")
}

// PackageFunc knows maps.EqualFunc.
func (s fakeSession) PackageFunc(pkg, name string) *ast.FuncDecl {
	if pkg+"."+name != "maps.EqualFunc" {
		return nil
	}
	return parseFunc("func EqualFunc[K comparable, V1, V2 any](m1 map[K]V1, m2 map[K]V2, eq func(V1, V2) bool) bool")
}

// CellVarType knows no variables of the cell.
func (s fakeSession) CellVarType(name string) (string, bool) { return "", false }

func parseFunc(sig string) *ast.FuncDecl {
	f, err := parser.ParseFile(token.NewFileSet(), "", "package p; "+sig, 0)
	if err != nil {
		panic(err)
	}
	return f.Decls[0].(*ast.FuncDecl)
}

// Constant knows math.Pi and math.E (short, for the golden files).
func (s fakeSession) Constant(pkg, name string) (string, bool) {
	lit, ok := map[string]string{"math.Pi": "3.14159265358979323846e+00", "math.E": "2.71828182845904523536e+00"}[pkg+"."+name]
	return lit, ok
}

func parseSession(line string) fakeSession {
	s := fakeSession{map[string]bool{}, map[string]bool{}, map[string]bool{}, map[string]bool{}, map[string]bool{}, map[string]bool{}, map[string]string{}, map[string]string{}, map[string]string{}}
	for _, f := range strings.Fields(strings.TrimPrefix(line, "// session:")) {
		k, v, _ := strings.Cut(f, "=")
		if name, ok := strings.CutPrefix(k, "type:"); ok {
			s.types[name] = strings.ReplaceAll(v, "~", " ")
			continue
		}
		m := map[string]map[string]bool{"declared": s.declared, "integer": s.integer, "builtin": s.builtin, "inttype": s.inttype, "slice": s.slice, "string": s.str}[k]
		for _, n := range strings.Split(v, ",") {
			if name, typ, ok := strings.Cut(n, ":"); ok && k == "vartype" {
				s.varType[name] = typ
			}
			if t, m, ok := strings.Cut(n, "."); ok && k == "methods" {
				s.methods[strings.TrimPrefix(t, "*")+"."+m] = fmt.Sprintf("func (r %s) %s() int { return 0 }", t, m)
			}
			if m != nil {
				m[n] = true
			}
		}
	}
	return s
}

var sectionRE = regexp.MustCompile(`(?m)^-- (.+) --\n`)

// readSections reads the "-- name --" sections of a file.
func readSections(t *testing.T, path string) (names []string, bodies map[string]string) {
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return parseSections(string(b))
}

func parseSections(s string) (names []string, bodies map[string]string) {
	bodies = map[string]string{}
	parts := sectionRE.Split(s, -1)
	for i, h := range sectionRE.FindAllStringSubmatch(s, -1) {
		names = append(names, h[1])
		bodies[h[1]] = parts[i+1]
	}
	return names, bodies
}

// run applies one pass to a case (and checks that all passes together
// make no overlapping edits): statements, or a whole file when the
// case starts with "package".
func run(t *testing.T, p Pass, body string) string {
	s := fakeSession{}
	if strings.HasPrefix(body, "// session:") {
		line, rest, _ := strings.Cut(body, "\n")
		s, body = parseSession(line), rest
	} else {
		s = parseSession("")
	}
	header := "package main; func main() {\n"
	src := header + body + "\n}"
	if strings.HasPrefix(body, "package ") {
		header, src = "", body
	}
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "case.go", src, 0)
	if err != nil {
		t.Fatalf("%s: %v", p.Name, err)
	}
	u := &Unit{Text: body, File: f, Tok: fset.File(f.Pos()), Base: len(header)}
	edits := p.Edits(s, u)
	if err := Check(edits); err != nil {
		t.Errorf("%s: %v", p.Name, err)
	}
	if len(edits) > 0 && !mayEdit(p.Name, body) {
		t.Errorf("%s edits a case without any of %q, which Edits skips:\n%s", p.Name, needs[p.Name], body)
	}
	if _, err := Edits(s, u); err != nil {
		t.Errorf("all passes on a %s case: %v", p.Name, err)
	}
	return Apply(body, edits)
}

// TestPasses runs each pass on testdata/<pass>.in and compares with
// testdata/<pass>.golden (go test -update rewrites the golden files).
func TestPasses(t *testing.T) {
	for _, p := range Passes {
		t.Run(p.Name, func(t *testing.T) {
			in := filepath.Join("testdata", p.Name+".in")
			golden := filepath.Join("testdata", p.Name+".golden")
			names, bodies := readSections(t, in)
			if len(names) == 0 {
				t.Fatalf("%s has no cases", in)
			}
			var b strings.Builder
			for _, n := range names {
				fmt.Fprintf(&b, "-- %s --\n%s", n, run(t, p, bodies[n]))
			}
			if *update {
				if err := os.WriteFile(golden, []byte(b.String()), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			_, want := readSections(t, golden)
			gotNames, gotBodies := parseSections(b.String())
			for _, n := range gotNames {
				if gotBodies[n] != want[n] {
					t.Errorf("%s %q:\n got %q\nwant %q", p.Name, n, gotBodies[n], want[n])
				}
			}
			if len(gotNames) != len(want) {
				t.Errorf("%s: %d cases, %s has %d (run go test -update)", p.Name, len(gotNames), golden, len(want))
			}
		})
	}
}

// TestDocListsPasses checks that the package doc lists Passes, in order,
// with the same one-line descriptions.
func TestDocListsPasses(t *testing.T) {
	f, err := parser.ParseFile(token.NewFileSet(), "doc.go", nil, parser.ParseComments|parser.PackageClauseOnly)
	if err != nil {
		t.Fatal(err)
	}
	var listed []string
	for _, line := range strings.Split(f.Doc.Text(), "\n") {
		if m := regexp.MustCompile(`^\s*(\d+)\. (\w+) — (.*)$`).FindStringSubmatch(line); m != nil {
			listed = append(listed, m[2]+" — "+m[3])
		}
	}
	var want []string
	for _, p := range Passes {
		want = append(want, p.Name+" — "+p.What)
		if _, err := os.Stat(p.Name + ".go"); err != nil {
			t.Errorf("pass %s has no file %s.go", p.Name, p.Name)
		}
	}
	if strings.Join(listed, "\n") != strings.Join(want, "\n") {
		t.Errorf("doc.go lists\n%s\nbut Passes is\n%s", strings.Join(listed, "\n"), strings.Join(want, "\n"))
	}
}

func TestOverlap(t *testing.T) {
	for _, c := range []struct {
		edits []Edit
		bad   bool
	}{
		{[]Edit{{0, 2, "x"}, {2, 4, "y"}}, false},
		{[]Edit{{0, 2, "x"}, {1, 3, "y"}}, true},
		{[]Edit{{3, 3, "a"}, {3, 3, "b"}}, false},
		{[]Edit{{0, 5, "x"}, {3, 3, "b"}}, true},
		{[]Edit{{0, 5, "x"}, {5, 5, "b"}, {0, 0, "c"}}, false},
		{[]Edit{{4, 6, "x"}, {0, 9, "y"}}, true},
	} {
		if err := Check(c.edits); (err != nil) != c.bad {
			t.Errorf("Check(%v) = %v, want overlap %v", c.edits, err, c.bad)
		}
	}
}

// An insertion where another edit replaces text goes before the new text,
// whichever comes first in the list.
func TestApplyInsertionBeforeReplacement(t *testing.T) {
	for _, edits := range [][]Edit{
		{{0, 0, "f("}, {0, 1, "T2"}, {1, 1, ")"}},
		{{0, 1, "T2"}, {0, 0, "f("}, {1, 1, ")"}},
	} {
		if got := Apply("T{}", edits); got != "f(T2){}" {
			t.Errorf("Apply(%v) = %q, want %q", edits, got, "f(T2){}")
		}
	}
}

// Two passes wrapping the same text nest, the later outside: fmtargs
// wrapping an argument that errorequal turned into a call.
func TestApplyNestedWraps(t *testing.T) {
	for _, tt := range []struct {
		edits []Edit
		want  string
	}{
		{[]Edit{{0, 0, "eq("}, {1, 5, ", "}, {6, 6, ")"}, {0, 0, "fmt(x{"}, {6, 6, "})"}}, "fmt(x{eq(a, b)})"},
		{[]Edit{{0, 0, "a("}, {6, 6, ")"}, {0, 0, "b("}, {6, 6, ")"}, {0, 0, "c["}, {6, 6, "]"}}, "c[b(a(a == b))]"},
		// One wrap closes where the next opens.
		{[]Edit{{0, 0, "f("}, {1, 1, ")"}, {1, 1, "g("}, {6, 6, ")"}}, "f(a)g( == b)"},
		{[]Edit{{1, 1, "g("}, {0, 0, "f("}, {1, 1, ")"}, {6, 6, ")"}}, "f(a)g( == b)"},
	} {
		if got := Apply("a == b", tt.edits); got != tt.want {
			t.Errorf("Apply(%v) = %q, want %q", tt.edits, got, tt.want)
		}
	}
}

func ExampleApply() {
	fmt.Println(Apply("go f(x)", []Edit{{0, 3, Runtime + ".Go("}, {4, 5, ", "}}))
	// Output: __rt.Go(f, x)
}

// Package knows the standard packages of fakePackages by their names, as
// the engine gives them (kernel/internal/stdtypes), unless declared.
func (s fakeSession) Package(name string) *types.Package {
	p, ok := fakePackages[name]
	if !ok || s.declared[name] {
		return nil
	}
	pkg, err := fakeImporter.Import(p)
	if err != nil {
		panic(err)
	}
	return pkg
}

var (
	fakePackages = map[string]string{"bufio": "bufio", "bytes": "bytes", "fmt": "fmt", "os": "os", "regexp": "regexp", "slices": "slices", "sort": "sort", "strconv": "strconv", "strings": "strings", "time": "time"}
	fakeImporter = stdtypes.New(stdtypes.Config{Table: stdtypes.Tables(stdgeneric.Stdlib()), Source: stdgeneric.Source(), IsSource: stdgeneric.IsSource})
)

// GoType gives the types of fakeImporter.
func (s fakeSession) GoType(t reflect.Type) types.Type {
	if typ, ok := fakeImporter.TypeOf(t); ok {
		return typ
	}
	return nil
}
