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
