package nnlib

import (
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"testing"
)

// refDoc is blog-example.json decoded generically (its numbers are the
// independent float64 reference computed by ../shared/reference; never retyped).
type refDoc map[string]any

// loadRef finds blog-example.json: nnlib/testdata (committed golden), then
// $NNBOOK_SHARED/reference or $NNBOOK_SHARED, then ../../shared/reference.
func loadRef(t testing.TB) refDoc {
	t.Helper()
	cands := []string{filepath.Join("testdata", "blog-example.json")}
	if s := os.Getenv("NNBOOK_SHARED"); s != "" {
		cands = append(cands, filepath.Join(s, "reference", "blog-example.json"), filepath.Join(s, "blog-example.json"))
	}
	cands = append(cands, filepath.Join("..", "..", "shared", "reference", "blog-example.json"))
	for _, p := range cands {
		b, err := os.ReadFile(p)
		if err != nil {
			continue
		}
		var d refDoc
		if err := json.Unmarshal(b, &d); err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		return d
	}
	t.Skipf("blog-example.json not found (tried %v); set NNBOOK_SHARED", cands)
	return nil
}

// get walks a dotted path ("training.error_after_updates").
func (d refDoc) get(t testing.TB, path ...string) any {
	t.Helper()
	var cur any = map[string]any(d)
	for _, p := range path {
		m, ok := cur.(map[string]any)
		if !ok {
			t.Fatalf("reference: %v: %q is not an object", path, p)
		}
		cur, ok = m[p]
		if !ok {
			t.Fatalf("reference: missing key %q in %v", p, path)
		}
	}
	return cur
}

func (d refDoc) num(t testing.TB, path ...string) float64 {
	t.Helper()
	v, ok := d.get(t, path...).(float64)
	if !ok {
		t.Fatalf("reference: %v is not a number", path)
	}
	return v
}

func (d refDoc) nums(t testing.TB, path ...string) []float64 {
	t.Helper()
	a, ok := d.get(t, path...).([]any)
	if !ok {
		t.Fatalf("reference: %v is not an array", path)
	}
	out := make([]float64, len(a))
	for i, v := range a {
		out[i] = v.(float64)
	}
	return out
}

// counts returns the "k": value pairs of an object keyed by update counts.
func (d refDoc) counts(t testing.TB, path ...string) map[int]float64 {
	t.Helper()
	m, ok := d.get(t, path...).(map[string]any)
	if !ok {
		t.Fatalf("reference: %v is not an object", path)
	}
	out := map[int]float64{}
	for k, v := range m {
		i, err := strconv.Atoi(k)
		if err != nil {
			t.Fatalf("reference: %v: key %q is not a count", path, k)
		}
		out[i] = v.(float64)
	}
	return out
}

func near(a, b, tol float64) bool { return math.Abs(a-b) <= tol }
