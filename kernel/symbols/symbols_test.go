package symbols

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/nnbook/nnbook/kernel/internal/docgen"
	"github.com/traefik/yaegi/extract"
)

// TestGeneratedFilesAreFresh regenerates the symbol tables and the docs in
// memory, exactly as the go:generate lines do, and fails when the committed
// files differ: run `go generate ./kernel/symbols/` and commit.
func TestGeneratedFilesAreFresh(t *testing.T) {
	if testing.Short() {
		t.Skip("type-checks nnlib from source; skipped in -short mode")
	}
	r := strings.NewReplacer("/", "-", ".", "_", "~", "_")
	for _, ip := range Packages {
		ext := extract.Extractor{Dest: "symbols"}
		var buf bytes.Buffer
		importPath, err := ext.Extract(ip, "symbols", &buf)
		if err != nil {
			t.Fatalf("extract %s: %v", ip, err)
		}
		file := r.Replace(importPath) + ".go"
		compare(t, file, buf.Bytes())
	}
	src, err := docgen.Generate("symbols", Packages)
	if err != nil {
		t.Fatal(err)
	}
	compare(t, "docs_gen.go", src)
}

func compare(t *testing.T, file string, want []byte) {
	t.Helper()
	got, err := os.ReadFile(file)
	if err != nil {
		t.Fatalf("%s: %v (run go generate ./kernel/symbols/)", file, err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s is stale: run `go generate ./kernel/symbols/` and commit the result", file)
	}
}

func TestDocsHaveEveryExportedSymbol(t *testing.T) {
	for key, syms := range Symbols {
		ip := key[:strings.LastIndex(key, "/")]
		for name := range syms {
			if strings.HasPrefix(name, "_") {
				continue // yaegi's interface wrappers
			}
			if _, ok := Doc(ip + "." + name); !ok {
				t.Errorf("no doc for %s.%s", ip, name)
			}
		}
	}
	for _, name := range []string{"nnlib.WorkedExample", "nnlib.Network.Fit", "plot.Loss"} {
		if _, ok := Doc(name); !ok {
			t.Errorf("no doc for %s", name)
		}
	}
}
