package nnlib

import (
	"bufio"
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// TestNoImplicitFMA: Go lets a compiler fuse x*y + z into one multiply-add
// (the arm64, ppc64 and s390x compilers do; amd64's does not), which rounds
// differently, so the same seed would train to other bits there. nnlib
// writes float64(x*y) wherever it means two roundings, and math.FMA where it
// means one. This test compiles the package for arm64 and fails on any fused
// instruction whose source line does not say math.FMA.
func TestNoImplicitFMA(t *testing.T) {
	if testing.Short() {
		t.Skip("compiles the package for arm64: skipped with -short")
	}
	goCmd, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command")
	}
	cmd := exec.Command(goCmd, "build", "-o", os.DevNull, "-gcflags=-S", ".")
	cmd.Env = append(os.Environ(), "GOARCH=arm64", "GOOS=linux", "CGO_ENABLED=0")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("go build for arm64: %v\n%s", err, out)
	}
	fused := regexp.MustCompile(`\(([^()]*\.go):(\d+)\)\s+F(N?)M(ADD|SUB)D\s`)
	lines := map[string][]string{}
	found := 0
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		m := fused.FindStringSubmatch(sc.Text())
		if m == nil {
			continue
		}
		found++
		line, _ := strconv.Atoi(m[2])
		file := m[1]
		if _, ok := lines[file]; !ok {
			b, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			lines[file] = strings.Split(string(b), "\n")
		}
		src := lines[file][line-1]
		if !strings.Contains(src, "math.FMA") {
			t.Errorf("%s:%d fuses a multiply and an add on arm64 (write float64(x*y) or math.FMA): %s", filepath.Base(file), line, strings.TrimSpace(src))
		}
	}
	if found == 0 {
		t.Fatal("no fused instruction at all: the test no longer sees the compiler's output (math.FMA in exp.go should show)")
	}
}
