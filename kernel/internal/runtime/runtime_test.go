package runtime

import (
	"errors"
	"fmt"
	"reflect"
	goruntime "runtime"
	"testing"
)

// recovered runs f and returns what it panicked with.
func recovered(f func()) (r any) {
	defer func() { r = recover() }()
	f()
	return nil
}

// TestBoundsErrorsAreGos compares each error with the one compiled Go code
// panics with for the same operation (text and type).
func TestBoundsErrorsAreGos(t *testing.T) {
	s := []int{1, 2, 3}
	arr := [3]int{}
	str := "abc"
	i, neg, lo, hi, mx := 5, -1, 2, 1, 7
	for _, c := range []struct {
		name string
		got  error
		want func()
	}{
		{"index", IndexError(i, len(s)), func() { _ = s[i] }},
		{"negative index", IndexError(neg, len(s)), func() { _ = s[neg] }},
		{"string index", IndexError(i, len(str)), func() { _ = str[i] }},
		{"slice high beyond capacity", SliceError(0, i, cap(s)), func() { _ = s[:i] }},
		{"slice low above high", SliceError(lo, hi, cap(s)), func() { _ = s[lo:hi] }},
		{"slice low beyond length", SliceError(i, len(s), cap(s)), func() { _ = s[i:] }},
		{"string slice", SliceLenError(0, i, len(str)), func() { _ = str[:i] }},
		{"array slice", SliceLenError(lo, i, len(arr)), func() { _ = arr[lo:i] }},
		{"three-index max", Slice3Error(0, 2, mx, cap(s)), func() { _ = s[0:2:mx] }},
		{"three-index high above max", Slice3Error(0, mx, 2, cap(s)), func() { _ = s[0:mx:2] }},
		{"nil dereference", NilDeref(), func() {
			var p *struct{ v int }
			_ = p.v
		}},
		{"integer division by zero", DivideError(), func() { _ = len(s) / (i - 5) }},
		{"modulo by zero", DivideError(), func() { _ = hi % (lo - 2) }},
		{"assignment to a nil map", NilMapError(), func() {
			var m map[string]int
			m["a"] = 1
		}},
	} {
		want := recovered(c.want)
		if reflect.TypeOf(c.got) != reflect.TypeOf(want) || fmt.Sprint(c.got) != fmt.Sprint(want) {
			t.Errorf("%s: got %T %q, want %T %q", c.name, c.got, c.got, want, want)
		}
		if _, ok := c.got.(goruntime.Error); !ok {
			t.Errorf("%s: %T is not a runtime.Error", c.name, c.got)
		}
	}
}

func TestInRangeIsNil(t *testing.T) {
	if IndexError(2, 3) != nil || SliceError(1, 3, 3) != nil || SliceLenError(0, 0, 0) != nil || Slice3Error(0, 1, 2, 2) != nil {
		t.Error("an error for bounds in range")
	}
}

// cfgError stands for yaegi's error type of the same name.
type cfgError struct{ msg string }

func (e *cfgError) Error() string { return e.msg }

func TestTranslate(t *testing.T) {
	custom := errors.New("custom")
	for _, c := range []struct {
		name string
		in   any
		want string // %T %v of the result
	}{
		{"value passed to panic", reflect.ValueOf(custom), "*errors.errorString custom"},
		{"string passed to panic", reflect.ValueOf("stop"), "string stop"},
		{"nil pointer field", &reflect.ValueError{Method: "reflect.Value.Field"}, "runtime.errorString runtime error: invalid memory address or nil pointer dereference"},
		{"nil function", "reflect.Value.Call: call of nil function", "runtime.errorString runtime error: invalid memory address or nil pointer dereference"},
		{"Go's own runtime error", recovered(func() {
			var m map[string]int
			m["a"] = 1
		}), "runtime.plainError assignment to entry in nil map"},
		{"other values", 42, "int 42"},
		{"an error of another type", &cfgError{"3:4: interface conversion: x"}, "*runtime.cfgError 3:4: interface conversion: x"},
	} {
		out, _, _ := Translate(c.in)
		if got := fmt.Sprintf("%T %v", out, out); got != c.want {
			t.Errorf("%s: got %q, want %q", c.name, got, c.want)
		}
	}
}

func ExampleIndexError() {
	err := IndexError(5, 3)
	fmt.Println(err)
	// Output: runtime error: index out of range [5] with length 3
}
