package stdapi

import (
	"fmt"
	"slices"
	"testing"
)

func TestExported(t *testing.T) {
	for _, c := range []struct {
		pkg  string
		want []string
	}{
		{"strings", []string{"func SplitSeq", "type Builder", "func Lines"}},
		{"slices", []string{"generic func Sort", "generic func Collect"}},
		{"iter", []string{"generic type Seq", "generic type Seq2", "generic func Pull"}},
		{"math", []string{"const Pi", "func Sqrt"}},
		{"io", []string{"var EOF", "type Reader"}},
	} {
		names, err := Exported(c.pkg)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, n := range names {
			got = append(got, n.String())
		}
		for _, w := range c.want {
			if !slices.Contains(got, w) {
				t.Errorf("Exported(%q) lacks %q: %v", c.pkg, w, got)
			}
		}
	}
}

func TestPackages(t *testing.T) {
	ps, err := Packages()
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"fmt", "iter", "math/rand/v2", "net/http"} {
		if !slices.Contains(ps, want) {
			t.Errorf("Packages() lacks %s", want)
		}
	}
	for _, p := range ps {
		if hasElem(p, "internal") {
			t.Errorf("Packages() lists %s", p)
		}
	}
}

func ExampleExported() {
	names, _ := Exported("iter")
	for _, n := range names {
		fmt.Println(n)
	}
	// Output:
	// generic func Pull
	// generic func Pull2
	// generic type Seq
	// generic type Seq2
}
