package stdgeneric

import (
	"fmt"
	"io/fs"
	"reflect"
	"testing"

	"github.com/traefik/yaegi/interp"
)

func TestStdlib(t *testing.T) {
	std := Stdlib()
	for _, c := range []struct {
		key  string
		want bool
	}{
		{"fmt/fmt", true},
		{"math/rand/v2/rand", true},
		{"crypto/sha3/sha3", true}, // Go 1.24, from the generated tables
		{"slices/slices", false},   // interpreted source
		{"cmp/cmp", false},
		{"sync/sync", false},
		{"stdbin/sync/sync", true}, // sync's compiled part
		{"stdbin/sync/atomic/atomic", true},
	} {
		if _, ok := std[c.key]; ok != c.want {
			t.Errorf("Stdlib()[%q] present = %v, want %v", c.key, ok, c.want)
		}
	}
	for _, name := range []string{"Builder", "SplitSeq", "Lines"} {
		if _, ok := std["strings/strings"][name]; !ok {
			t.Errorf("strings.%s missing", name)
		}
	}
	if _, ok := std["stdbin/sync/atomic/atomic"]["AndInt32"]; !ok {
		t.Error("atomic.AndInt32 (Go 1.23) missing")
	}
}

func TestSourcePackages(t *testing.T) {
	for _, p := range Packages {
		files, err := fs.Glob(Source(), "src/"+p+"/*.go")
		if err != nil || len(files) == 0 {
			t.Errorf("%s: no source files (%v)", p, err)
		}
		if !IsSource(p) {
			t.Errorf("IsSource(%q) = false", p)
		}
	}
	if IsSource("fmt") || !Hidden("stdbin/sync") || Hidden("sync") {
		t.Error("IsSource or Hidden wrong")
	}
}

func TestRebaseAndTable(t *testing.T) {
	x := Rebase(interp.Exports{
		"sync/sync": {"WaitGroup": reflect.Value{}},
		"time/time": {"Sleep": reflect.Value{}},
	})
	if _, ok := x["stdbin/sync/sync"]; !ok {
		t.Errorf("Rebase kept sync/sync: %v", x)
	}
	if _, ok := x["time/time"]; !ok {
		t.Errorf("Rebase moved time/time: %v", x)
	}
	if _, ok := Table("sync")["Mutex"]; !ok {
		t.Error("Table(sync) lacks Mutex")
	}
	if _, ok := Table("math/rand/v2")["NewPCG"]; !ok {
		t.Error("Table(math/rand/v2) lacks NewPCG")
	}
	if Table("nosuch") != nil {
		t.Error("Table(nosuch) != nil")
	}
}

// A session imports slices, maps, cmp, iter, sync and sync/atomic from
// Source, the rest from Stdlib.
func Example() {
	in := interp.New(interp.Options{GoPath: GoPath, SourcecodeFilesystem: Source()})
	if err := in.Use(Stdlib()); err != nil {
		fmt.Println(err)
		return
	}
	v, err := in.Eval(`import "slices"`)
	if err == nil {
		v, err = in.Eval(`slices.Index([]string{"a", "b"}, "b")`)
	}
	fmt.Println(v, err)
	// Output: 1 <nil>
}
