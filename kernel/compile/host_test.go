package compile

import (
	"errors"
	"os"
	"runtime/debug"
	"strings"
	"testing"
)

func TestDetectHostProblems(t *testing.T) {
	real, ok := debug.ReadBuildInfo()
	if !ok {
		t.Skip("the test binary has no build information")
	}
	// with returns the test binary's build information with settings
	// changed: with("CGO_ENABLED", "0", …).
	with := func(kv ...string) *debug.BuildInfo {
		bi := *real
		bi.Settings = append([]debug.BuildSetting{}, real.Settings...)
	next:
		for i := 0; i+1 < len(kv); i += 2 {
			for j, s := range bi.Settings {
				if s.Key == kv[i] {
					bi.Settings[j].Value = kv[i+1]
					continue next
				}
			}
			bi.Settings = append(bi.Settings, debug.BuildSetting{Key: kv[i], Value: kv[i+1]})
		}
		return &bi
	}
	here := func() (string, error) { return sourceDir() }
	gone := func() (string, error) { return t.TempDir(), nil }
	tests := []struct {
		name string
		goos string
		bi   *debug.BuildInfo
		src  func() (string, error)
		want string // "" = no problem
	}{
		{"windows", "windows", real, here, "Go plugins do not exist on windows"},
		{"no build info", "linux", nil, here, "carries no build information"},
		{"trimpath", "linux", with("-trimpath", "true"), here, "built with -trimpath"},
		{"no cgo", "linux", with("CGO_ENABLED", "0"), here, "built without cgo"},
		{"source gone", "linux", with("CGO_ENABLED", "1"), gone, "is gone"},
		{"this test binary", "linux", with("CGO_ENABLED", "1"), here, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			bi := tt.bi
			h, err := detectHost(tt.goos, bi, bi != nil, tt.src)
			switch {
			case tt.want == "" && err != nil:
				if strings.Contains(err.Error(), "C compiler") || strings.Contains(err.Error(), "go command") {
					t.Skip(err)
				}
				t.Fatal(err)
			case tt.want == "":
				if h.SrcDir == "" || h.GoCmd == "" {
					t.Errorf("host %+v", h)
				}
			case err == nil || !IsProblem(err) || !strings.Contains(err.Error(), tt.want):
				t.Errorf("error %v, want a problem containing %q", err, tt.want)
			}
		})
	}
}

func TestCheckoutMoved(t *testing.T) {
	src, err := sourceDir()
	if err != nil {
		t.Skip(err)
	}
	if _, err := os.Stat(src + "/.git"); err != nil {
		t.Skip("not a git checkout")
	}
	h := &Host{SrcDir: src, Revision: "0123456789abcdef0123456789abcdef01234567"}
	if note := h.CheckoutMoved(); !strings.Contains(note, "nnbook was built from 0123456789ab") {
		t.Errorf("CheckoutMoved() = %q", note)
	}
	h.Modified = true
	if note := h.CheckoutMoved(); note != "" {
		t.Errorf("CheckoutMoved() of a build from a modified tree = %q, want \"\"", note)
	}
}

func TestLoadProblem(t *testing.T) {
	h := &Host{SrcDir: "/src/nnbook"}
	err := h.loadProblem(errors.New(`plugin.Open("/c/x.so"): plugin was built with a different version of package github.com/nnbook/nnbook/nnlib`))
	if !IsProblem(err) || !strings.Contains(err.Error(), "package github.com/nnbook/nnbook/nnlib in /src/nnbook is not the one this nnbook binary was built with") || !strings.Contains(err.Error(), "rebuild nnbook") {
		t.Errorf("%v", err)
	}
}
