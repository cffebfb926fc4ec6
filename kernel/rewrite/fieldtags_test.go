package rewrite

import (
	"reflect"
	"strings"
	"testing"
)

// FuzzHiddenTag checks hiddenTag on any tag: json and xml read "-" in the
// result, and every other key reflect finds in the tag keeps its value.
func FuzzHiddenTag(f *testing.F) {
	for _, s := range []string{``, `json:"name"`, `db:"id" json:"id,omitempty"`, `xml:"a" yaml:"b"`, `x:"a\"b" json:"-"`, `bad`, `k:"unterminated`, `a:"1"  b:"2"`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, tag string) {
		out := reflect.StructTag(hiddenTag(tag))
		for _, k := range hiddenKeys {
			if v, ok := out.Lookup(k); !ok || v != "-" {
				t.Fatalf("hiddenTag(%q) = %q: %s is %q, want \"-\"", tag, out, k, v)
			}
		}
		for _, k := range tagKeys(tag) {
			if k == "json" || k == "xml" {
				continue
			}
			want, _ := reflect.StructTag(tag).Lookup(k)
			if got, _ := out.Lookup(k); got != want {
				t.Fatalf("hiddenTag(%q) = %q: %s is %q, want %q", tag, out, k, got, want)
			}
		}
	})
}

// tagKeys returns the keys of the well-formed key:"value" pairs at the
// start of tag.
func tagKeys(tag string) []string {
	var keys []string
	for {
		tag = strings.TrimLeft(tag, " ")
		k, rest, ok := strings.Cut(tag, ":")
		if !ok || k == "" || strings.ContainsAny(k, " \"\x7f") || !strings.HasPrefix(rest, `"`) {
			return keys
		}
		for _, c := range k {
			if c < ' ' {
				return keys
			}
		}
		if _, ok := reflect.StructTag(tag).Lookup(k); !ok {
			return keys
		}
		keys = append(keys, k)
		end := 1
		for end < len(rest) && rest[end] != '"' {
			if rest[end] == '\\' {
				end++
			}
			end++
		}
		if end >= len(rest) {
			return keys
		}
		tag = rest[end+1:]
	}
}
