package cellerr

import (
	"errors"
	"fmt"
	"io/fs"
	"testing"
)

// The functions must agree with package errors on compiled errors, which
// reach them unwrapped.
func TestCompiledErrorsAsGo(t *testing.T) {
	base := errors.New("base")
	wrapped := fmt.Errorf("a: %w", base)
	joined := errors.Join(errors.New("x"), wrapped)
	pe := &fs.PathError{Op: "open", Path: "f", Err: fs.ErrNotExist}
	for _, c := range []struct {
		name        string
		err, target error
	}{
		{"same", base, base},
		{"wrapped", wrapped, base},
		{"joined", joined, base},
		{"other", wrapped, errors.New("base")},
		{"path error", fmt.Errorf("b: %w", pe), fs.ErrNotExist},
		{"nil err", nil, base},
		{"both nil", nil, nil},
	} {
		if got, want := Is(c.err, c.target), errors.Is(c.err, c.target); got != want {
			t.Errorf("%s: Is = %v, errors.Is = %v", c.name, got, want)
		}
	}
	if got, want := Unwrap(wrapped), errors.Unwrap(wrapped); got != want {
		t.Errorf("Unwrap = %v, want %v", got, want)
	}
	var target *fs.PathError
	if !As(fmt.Errorf("c: %w", joined2(pe)), &target) || target != pe {
		t.Errorf("As into *fs.PathError: %v", target)
	}
	var iface interface{ Timeout() bool }
	if As(wrapped, &iface) {
		t.Errorf("As into an interface base does not implement: true")
	}
}

func joined2(err error) error { return errors.Join(errors.New("y"), err) }

// A wrapper as yaegi fills it: the cell value in IValue, the methods in the
// W fields.
func TestWrappers(t *testing.T) {
	type cellErr struct{ code int }
	inner := errors.New("inner")
	w := wrapUIS{
		IValue:      &cellErr{7},
		WError:      func() string { return "cell error" },
		WUnwrap:     func() error { return inner },
		WIs:         func(target error) bool { return target == fs.ErrExist },
		WnnbookSelf: func() any { return cellErr{7} },
	}
	if w.Error() != "cell error" {
		t.Errorf("Error() = %q", w.Error())
	}
	if Unwrap(w) != inner || !Is(w, inner) || !Is(w, fs.ErrExist) || Is(w, fs.ErrClosed) {
		t.Errorf("Unwrap/Is do not follow the wrapper's methods")
	}
	var got *cellErr
	if !As(fmt.Errorf("x: %w", w), &got) || got.code != 7 {
		t.Errorf("As into the cell type: %v", got)
	}
	// A struct value: IValue holds its last field only, Self the struct.
	v := wrapS{IValue: 7, WError: func() string { return "v" }, WnnbookSelf: func() any { return cellErr{7} }}
	if Value(v) != (cellErr{7}) {
		t.Errorf("Value of a struct value = %v", Value(v))
	}
	if !Is(v, wrapS{IValue: 7, WError: func() string { return "v" }, WnnbookSelf: func() any { return cellErr{7} }}) {
		t.Errorf("two wrappers of equal struct values are not Is")
	}
	if w, ok := Whole(v).(wrapS); !ok || w.IValue != (cellErr{7}) || w.Error() != "v" {
		t.Errorf("Whole of a struct value's wrapper = %#v", Whole(v))
	}
	if Whole(inner) != inner {
		t.Errorf("Whole changed a compiled error")
	}
	many := wrapU{IValue: &cellErr{1}, WError: func() string { return "m" }, WUnwrap: func() []error { return []error{fs.ErrClosed, inner} }}
	if !Is(many, inner) || Unwrap(many) != nil {
		t.Errorf("Unwrap() []error is not followed by Is, or is returned by Unwrap")
	}
}

func TestWrapperKey(t *testing.T) {
	if _, err := Wrappers(); err != nil {
		t.Fatal(err)
	}
}
