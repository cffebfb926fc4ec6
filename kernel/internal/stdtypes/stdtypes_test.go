package stdtypes

import (
	"fmt"
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/nnbook/nnbook/kernel/stdgeneric"
)

// stdImporter is an Importer of the standard library as cells get it: the
// tables of stdgeneric.Stdlib and the interpreted source of stdgeneric.
func stdImporter() *Importer {
	return New(Config{
		Table:    Tables(stdgeneric.Stdlib()),
		Source:   stdgeneric.Source(),
		IsSource: stdgeneric.IsSource,
	})
}

const imports = `import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"math"
	"math/rand"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)
`

// uses keeps every import used, whichever statements a case has.
const uses = `var (
	_ = bufio.NewScanner
	_ = bytes.Fields
	_ = context.Background
	_ = json.Marshal
	_ = errors.New
	_ = fmt.Sprint
	_ io.Writer
	_ = maps.Keys(map[int]int{})
	_ = math.Pi
	_ = rand.New
	_ = os.Args
	_ = filepath.Join
	_ = regexp.MustCompile
	_ = slices.Index([]int{}, 0)
	_ = sort.Strings
	_ = strconv.Itoa
	_ = strings.Fields
	_ sync.Mutex
	_ atomic.Int64
	_ = time.Now
)
`

// rhsTypes type-checks each statement inside a function of a file
// importing the packages above and returns the type of the first
// right-hand side expression of each, as go/types prints it; any type
// error fails the test.
func rhsTypes(t *testing.T, imp types.Importer, stmts []string) []string {
	t.Helper()
	var b strings.Builder
	for _, st := range stmts {
		fmt.Fprintf(&b, "\t{\n\t\t%s\n\t\t_ = x\n", st)
		if strings.Contains(st, ", err") {
			b.WriteString("\t\t_ = err\n")
		}
		b.WriteString("\t}\n")
	}
	src := "package p\n" + imports + uses + "func f(s string, m map[string]int) {\n" + b.String() + "}\n"
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	info := &types.Info{Types: map[ast.Expr]types.TypeAndValue{}}
	var errs []string
	conf := &types.Config{Importer: imp, Error: func(err error) { errs = append(errs, err.Error()) }}
	_, _ = conf.Check("p", fset, []*ast.File{f}, info)
	if len(errs) > 0 {
		t.Errorf("type errors with %T:\n%s", imp, strings.Join(errs, "\n"))
	}
	body := f.Decls[len(f.Decls)-1].(*ast.FuncDecl).Body.List
	out := make([]string, len(body))
	for i, st := range body {
		var rhs ast.Expr
		switch st := st.(*ast.BlockStmt).List[0].(type) {
		case *ast.AssignStmt:
			rhs = st.Rhs[0]
		case *ast.DeclStmt:
			rhs = st.Decl.(*ast.GenDecl).Specs[0].(*ast.ValueSpec).Values[0]
		}
		tv := info.Types[rhs]
		out[i] = types.TypeString(unalias(tv.Type), nil)
		if tv.Value != nil {
			out[i] += " = " + tv.Value.ExactString()
		}
	}
	return out
}

// unalias replaces the aliases in t by their targets, as far as the cases
// need: a table knows only the target of a result a function's source
// spells with an alias (os.ReadDir's []DirEntry is []fs.DirEntry).
func unalias(t types.Type) types.Type {
	switch u := types.Unalias(t).(type) {
	case *types.Slice:
		return types.NewSlice(unalias(u.Elem()))
	case *types.Pointer:
		return types.NewPointer(unalias(u.Elem()))
	case *types.Tuple:
		vs := make([]*types.Var, u.Len())
		for i := range vs {
			vs[i] = types.NewParam(token.NoPos, nil, "", unalias(u.At(i).Type()))
		}
		return types.NewTuple(vs...)
	default:
		return u
	}
}

// TestTypes compares the types of expressions of the standard library
// with those go/types gives from the toolchain's source (the reference).
func TestTypes(t *testing.T) {
	stmts := []string{
		`x := strings.Fields(s)`,
		`x := strings.Fields(s)[3]`,
		`x := os.Args`,
		`x := time.Now().Month()`,
		`x := time.Now().Month`,
		`x := bufio.NewScanner(os.Stdin)`,
		`x := bufio.NewScanner(os.Stdin).Text`,
		`x := bufio.NewScanner(os.Stdin).Text()`,
		`x, err := bufio.NewReader(os.Stdin).ReadString('\n')`,
		`x, err := os.ReadDir(s)`,
		`x := os.ModeDir`,
		`x := os.ModePerm | os.ModeDir`,
		`x := math.Pi`,
		`x := math.MaxInt64`,
		`x := time.Second * 2`,
		`x := time.RFC3339`,
		`x := sort.StringSlice{"a"}`,
		`x := bytes.Fields(nil)`,
		`x := regexp.MustCompile(s).FindAllStringSubmatch(s, -1)`,
		`x, err := json.Marshal(s)`,
		`x := context.Background()`,
		`x := errors.New(s)`,
		`x := fmt.Sprintf("%d", 1)`,
		`x := rand.New(rand.NewSource(1)).Perm(3)`,
		`x := filepath.SplitList(s)`,
		`x, err := strconv.Atoi(s)`,
		`x := new(strings.Builder)`,
		`x := os.Stdin.Fd()`,
		`x := time.Now().Sub(time.Now()).Hours()`,
		`x := io.EOF`,
		`var x io.Writer = new(bytes.Buffer)`,
		`var x io.Reader = os.Stdin`,
		`var x fmt.Stringer = time.Now()`,
		`var x error = new(os.PathError)`,
		`x := slices.Index([]int{1}, 1)`,
		`x := slices.Sorted(maps.Keys(m))`,
		`x := sync.OnceValue(func() int { return 1 })`,
		`x := new(sync.WaitGroup).Wait`,
		`x := new(atomic.Int64).Add(1)`,
		`x := new(sync.Mutex)`,
		`x := time.Now().Location().String()`,
	}
	want := rhsTypes(t, importer.ForCompiler(token.NewFileSet(), "source", nil), stmts)
	got := rhsTypes(t, stdImporter(), stmts)
	for i, st := range stmts {
		if got[i] != want[i] {
			t.Errorf("%s: type %s, want %s (go/types from source)", st, got[i], want[i])
		}
	}
}

// TestPackageObjects checks the kinds of objects table entries become.
func TestPackageObjects(t *testing.T) {
	im := stdImporter()
	for _, c := range []struct{ pkg, name, want string }{
		{"os", "Args", "var os.Args []string"},
		{"os", "File", "type os.File struct"},
		{"os", "FileMode", "type os.FileMode = io/fs.FileMode"},
		{"os", "ModeDir", "const os.ModeDir io/fs.FileMode"},
		{"os", "DevNull", "const os.DevNull untyped string"},
		{"strings", "Fields", "func strings.Fields(string) []string"},
		{"math/rand/v2", "IntN", "func math/rand/v2.IntN(int) int"},
		{"slices", "Index", "func slices.Index[E comparable](s []E, v E) int"},
	} {
		pkg, err := im.Import(c.pkg)
		if err != nil {
			t.Fatal(err)
		}
		obj := pkg.Scope().Lookup(c.name)
		if obj == nil {
			t.Errorf("%s has no %s", c.pkg, c.name)
			continue
		}
		if got := types.ObjectString(obj, nil); !strings.HasPrefix(got, c.want) {
			t.Errorf("%s.%s is %q, want %q…", c.pkg, c.name, got, c.want)
		}
	}
	if _, err := im.Import("no/such/package"); err == nil || !strings.Contains(err.Error(), `"no/such/package"`) {
		t.Errorf("importing a missing package: error %v, want one naming it", err)
	}
}

// TestConcurrentImports imports packages from several goroutines (run with
// -race) and checks that each package and type is made once.
func TestConcurrentImports(t *testing.T) {
	im := stdImporter()
	paths := []string{"bufio", "io", "os", "strings", "time", "slices", "sync"}
	got := make([][]*types.Package, 4)
	var wg sync.WaitGroup
	for g := range got {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range paths {
				p, err := im.Import(paths[(i+g)%len(paths)])
				if err != nil {
					t.Error(err)
					return
				}
				got[g] = append(got[g], p)
			}
		}()
	}
	wg.Wait()
	byPath := map[string]*types.Package{}
	for _, ps := range got {
		for _, p := range ps {
			if q, ok := byPath[p.Path()]; ok && q != p {
				t.Errorf("%s was made twice", p.Path())
			}
			byPath[p.Path()] = p
		}
	}
	// bufio.Reader's Read takes the []byte of io.Reader's Read: one io.
	rd := byPath["bufio"].Scope().Lookup("NewReader").Type().(*types.Signature).Params().At(0).Type()
	if rd != byPath["io"].Scope().Lookup("Reader").Type() {
		t.Errorf("bufio.NewReader takes %s, not the io.Reader of package io", fmt.Sprint(rd))
	}
}

// BenchmarkImport measures what the first import of a package costs a
// process (each iteration starts from a fresh Importer).
func BenchmarkImport(b *testing.B) {
	for _, p := range []string{"strings", "os", "slices", "net/http"} {
		b.Run(p, func(b *testing.B) {
			for b.Loop() {
				if _, err := stdImporter().Import(p); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// TestTypeOf checks that TypeOf gives the types of the packages Import
// makes, and only for named types of packages.
func TestTypeOf(t *testing.T) {
	im := stdImporter()
	tm, ok := im.TypeOf(reflect.TypeOf(time.Time{}))
	if !ok {
		t.Fatal("TypeOf(time.Time) is not ok")
	}
	pkg, err := im.Import("time")
	if err != nil {
		t.Fatal(err)
	}
	if want := pkg.Scope().Lookup("Time").Type(); tm != want {
		t.Errorf("TypeOf(time.Time) = %v, not the type of package time's Time", tm)
	}
	for _, x := range []any{[]int{}, 3, struct{ A int }{}, []time.Time{}} {
		if typ, ok := im.TypeOf(reflect.TypeOf(x)); ok {
			t.Errorf("TypeOf(%T) = %v, want none", x, typ)
		}
	}
}
