package compile

import (
	"context"
	"errors"
	"os"
	"reflect"
	"strings"
	"testing"
	"time"
)

// builder returns a Builder in a temporary cache, or skips when compiled
// cells cannot work here (the reason is the skip message).
func builder(t *testing.T) *Builder {
	t.Helper()
	h, err := DetectHost()
	if err != nil {
		if os.Getenv("NNBOOK_REQUIRE_COMPILE") == "1" {
			t.Fatalf("%v, and NNBOOK_REQUIRE_COMPILE=1", err)
		}
		t.Skip(err)
	}
	return &Builder{Host: h, Dir: t.TempDir()}
}

// buildAndLoadRuns counts TestBuildAndLoad's runs in this process: a
// plugin cannot be unloaded, so a run with -count=N must load new
// packages, as the engine does for a cell run again (Cell.Generation).
var buildAndLoadRuns int

func TestBuildAndLoad(t *testing.T) {
	b := builder(t)
	gen := buildAndLoadRuns
	buildAndLoadRuns++
	progress := make(chan string, 1)
	b.Progress, b.ProgressAfter = func(line string) { progress <- line }, time.Nanosecond
	ctx := context.Background()
	p1, err := b.Build(ctx, Cell{Source: "//nnbook:compile\nimport \"math\"\n\ntype point struct{ X, Y float64 }\n\nfunc (p point) Norm() float64 { return math.Hypot(p.X, p.Y) }\n\nvar count = 3\n\nconst scale = 2\n\nfunc norm(x, y float64) float64 { count++; return point{x, y}.Norm() * scale }\n", Generation: gen})
	if err != nil {
		t.Fatal(err)
	}
	select {
	case line := <-progress:
		if !strings.HasPrefix(line, ProgressPrefix) {
			t.Errorf("progress line %q", line)
		}
	default:
		t.Error("a build longer than ProgressAfter printed no progress line")
	}
	b.Progress = nil
	f := p1.Symbols["norm"].Interface().(func(float64, float64) float64)
	if got := f(3, 4); got != 10 {
		t.Errorf("norm(3, 4) = %v, want 10", got)
	}
	if got := p1.Symbols["count"].Interface(); got != 4 {
		t.Errorf("count = %v, want 4", got)
	}
	earlier := map[string]Binding{}
	for _, n := range p1.Names {
		earlier[n.Name] = Binding{Path: p1.Path, Kind: n.Kind}
	}
	p2, err := b.Build(ctx, Cell{Source: "//nnbook:compile\nfunc twice() float64 { count += 10; return norm(6, 8) + point{1, 0}.Norm() }\n", Earlier: earlier, Imports: map[string]string{"fmt": "fmt"}, Generation: gen})
	if err != nil {
		t.Fatal(err)
	}
	g := p2.Symbols["twice"].Interface().(func() float64)
	if got := g(); got != 21 {
		t.Errorf("twice() = %v, want 21", got)
	}
	if got := p1.Symbols["count"].Interface(); got != 15 {
		t.Errorf("count after twice = %v, want 15 (one variable for both cells)", got)
	}
	if k := p1.Symbols["point"].Type().Elem().Kind(); k != reflect.Struct {
		t.Errorf("point is %v", k)
	}
	_, err = b.Build(ctx, Cell{Source: "//nnbook:compile\nfunc bad() int {\n\treturn count + undefinedName\n}\n", Earlier: earlier, Generation: gen})
	var diags Errors
	if !errors.As(err, &diags) || len(diags) != 1 || diags[0].Line != 3 || diags[0].Col != 17 {
		t.Fatalf("error = %v, want 3:17: undefined: undefinedName", err)
	}
	t.Log(diags)
}
