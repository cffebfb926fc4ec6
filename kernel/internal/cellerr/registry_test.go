package cellerr

import (
	"errors"
	"testing"
)

func TestRegistry(t *testing.T) {
	type cellValue struct{ n int }
	var r Registry
	r.Register(
		func(v any) (error, bool) { return nil, false }, // a value yaegi keeps typed never reaches here in this test
		func(v any) (error, bool) {
			if c, ok := v.(cellValue); ok {
				return wrapS{IValue: c.n, WError: func() string { return "cell" }, WnnbookSelf: func() any { return c }}, true
			}
			return nil, false
		})
	boom := errors.New("boom")
	for _, c := range []struct {
		name string
		v    any
		want string
	}{
		{"nil", nil, ""},
		{"compiled error", boom, "boom"},
		{"registered cell type", cellValue{3}, "cell"},
		{"other value", 3, ""},
	} {
		err := r.AsError(c.v)
		got := ""
		if err != nil {
			got = err.Error()
		}
		if got != c.want || r.IsError(c.v) != (c.want != "") {
			t.Errorf("%s: AsError = %q, IsError = %v; want %q", c.name, got, r.IsError(c.v), c.want)
		}
	}
	// The cell value comes back whole, not as yaegi's last field.
	if w, ok := r.AsError(cellValue{3}).(wrapS); !ok || w.IValue != (cellValue{3}) {
		t.Errorf("AsError of a cell value = %#v", r.AsError(cellValue{3}))
	}
}
