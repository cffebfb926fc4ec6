package notebooks

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/nnbook/nnbook/kernel"
)

// TestRealEngine runs a small script on the real kernel engine: printed
// text, a final value, a figure and a failing cell with its line.
func TestRealEngine(t *testing.T) {
	eng, err := kernel.New()
	if err != nil {
		t.Fatal(err)
	}
	nb := ReadScript([]byte(`// %%
import "fmt"

fmt.Println("hello")
x := 6 * 7
x

// %%
fmt.Println(x + 1)

// %%
y := 1
y = undefinedThing + 2
`))
	err = Run(context.Background(), nb, eng, Options{Name: "real.go"})
	var ce *CellError
	if !errors.As(err, &ce) {
		t.Fatalf("Run error = %v, want a *CellError", err)
	}
	if ce.Cell != 3 || ce.Line != 2 || ce.FileLine != 13 {
		t.Errorf("failure at cell %d line %d (file line %d), want cell 3 line 2 (file line 13): %v", ce.Cell, ce.Line, ce.FileLine, err)
	}
	if !strings.Contains(err.Error(), "undefinedThing") {
		t.Errorf("error %q does not name the undefined identifier", err)
	}
	var got []string
	for _, c := range nb.Cells[:2] {
		for _, o := range c.Outputs {
			got = append(got, o.Type+":"+strings.TrimSpace(o.PlainText()))
		}
	}
	want := []string{"stream:hello", "execute_result:42", "stream:43"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("outputs\n got %q\nwant %q", got, want)
	}
	if n := len(nb.Cells[2].Outputs); n != 1 || nb.Cells[2].Outputs[0].Type != "error" {
		t.Errorf("failing cell outputs: %v", nb.Cells[2].Outputs)
	}
}
