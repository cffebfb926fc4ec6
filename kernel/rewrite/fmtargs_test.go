package rewrite

import (
	"errors"
	"fmt"
	"strings"
	"testing"
)

// FuzzWrappedArgs checks wrappedArgs against fmt.Errorf itself: the
// arguments it finds under %w are the ones Errorf wraps.
func FuzzWrappedArgs(f *testing.F) {
	for _, s := range []string{"%w", "%s: %w", "%[2]w %[1]v", "%*d %w", "%% %w %%", "%-5.2w", "%[3]*.[2]*[1]w", "%w %w"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, format string) {
		n := strings.Count(format, "%") + 2
		args := make([]any, n)
		for i := range args {
			args[i] = errors.New(fmt.Sprint(i))
		}
		want := map[int]bool{}
		err := fmt.Errorf(format, args...)
		var wrapped []error
		switch u := err.(type) {
		case interface{ Unwrap() error }:
			wrapped = []error{u.Unwrap()}
		case interface{ Unwrap() []error }:
			wrapped = u.Unwrap()
		}
		for _, w := range wrapped {
			for i, a := range args {
				if w == a {
					want[i] = true
				}
			}
		}
		got := wrappedArgs(format, n)
		for i := range want {
			if !got[i] {
				t.Fatalf("wrappedArgs(%q) = %v, but Errorf wraps argument %d", format, got, i)
			}
		}
		for i := range got {
			if !want[i] {
				t.Fatalf("wrappedArgs(%q) = %v, but Errorf does not wrap argument %d", format, got, i)
			}
		}
	})
}

// marker is an argument FuzzFormatExtra can find in fmt's output.
type marker int

// FuzzFormatExtra checks scanFormat's extra against fmt.Sprintf itself:
// the first argument fmt reports as %!(EXTRA …) is the one scanFormat
// names, and fmt reports none when scanFormat says so.
func FuzzFormatExtra(f *testing.F) {
	for _, s := range []string{"%d", "%d %d", "%[2]d", "%*d", "%.*f", "%[1]*d", "%!", "%%", "%-5.2v %q", "%[3]*.[2]*[1]d", "%d %[1]d", "%[x]d %d"} {
		f.Add(s, 3)
	}
	f.Fuzz(func(t *testing.T, format string, n int) {
		if n < 0 || n > 8 {
			return
		}
		args := make([]any, n)
		for i := range args {
			args[i] = marker(i)
		}
		out := fmt.Sprintf(format, args...)
		want := n
		if _, extra, ok := strings.Cut(out, "%!(EXTRA "); ok {
			if !strings.HasPrefix(extra, "rewrite.marker=") {
				t.Fatalf("Sprintf(%q) = %q: an EXTRA not of a marker", format, out)
			}
			fmt.Sscanf(strings.TrimPrefix(extra, "rewrite.marker="), "%d", &want)
			if strings.Count(out, "%!(EXTRA ") > 1 {
				return // the format itself spells %!(EXTRA
			}
		}
		if got := scanFormat(format, n).extra; got != want {
			t.Fatalf("scanFormat(%q, %d).extra = %d, but Sprintf gives %q", format, n, got, out)
		}
	})
}
