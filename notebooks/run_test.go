package notebooks

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestRunOutputs(t *testing.T) {
	nb := New()
	nb.Cells = []*Cell{
		{Type: "markdown", Source: "# t"},
		{Type: "code", Source: "print a\nprint b\neprint e\nprint c\nvalue 42"},
		{Type: "code", Source: "display live\nupdate live step 1\nprint between\nupdate live step 2\nupdate unknown x"},
		{Type: "code", Source: "image"},
	}
	if err := Run(context.Background(), nb, &fakeEngine{}, Options{Name: "t.ipynb"}); err != nil {
		t.Fatal(err)
	}
	c1 := nb.Cells[1]
	var got []string
	for _, o := range c1.Outputs {
		got = append(got, o.String())
	}
	want := []string{`stream stdout "a\nb\n"`, `stream stderr "e\n"`, `stream stdout "c\n"`, `execute_result [text/plain]`}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("cell 2 outputs:\n got %q\nwant %q", got, want)
	}
	if *c1.ExecutionCount != 1 || *c1.Outputs[3].ExecutionCount != 1 {
		t.Errorf("execution counts %d/%d, want 1/1", *c1.ExecutionCount, *c1.Outputs[3].ExecutionCount)
	}
	c2 := nb.Cells[2]
	if len(c2.Outputs) != 2 || c2.Outputs[0].Type != "display_data" {
		t.Fatalf("cell 3 outputs: %v", c2.Outputs)
	}
	if got := c2.Outputs[0].PlainText(); got != "step 2" {
		t.Errorf("display was not updated in place: text %q, want %q", got, "step 2")
	}
	if _, ok := c2.Outputs[0].Data.PNG(); !ok {
		t.Errorf("display has no PNG")
	}
	if *nb.Cells[3].ExecutionCount != 3 {
		t.Errorf("third code cell has execution_count %d", *nb.Cells[3].ExecutionCount)
	}
	png, ok := nb.Cells[3].Outputs[0].Data.PNG()
	if !ok || string(png) != string(tinyPNG()) {
		t.Errorf("image/png does not decode to the engine's bytes")
	}
	p := filepath.Join(t.TempDir(), "out.ipynb")
	data, err := nb.Write()
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	validateNbformat(t, p)
}

func TestRunErrors(t *testing.T) {
	tests := []struct {
		name    string
		cells   []string
		allow   bool
		timeout time.Duration
		want    string // in the error; "" for none
		outputs []int  // number of outputs per code cell
	}{
		{"stops at failure", []string{"print a", "print b\nfail undefined: x", "print never"}, false, 0,
			"t.ipynb: cell 3 (code cell 2), line 2: CompileError: undefined: x", []int{1, 2, 0}},
		{"allow errors", []string{"fail boom", "print after"}, true, 0, "", []int{1, 1}},
		{"timeout", []string{"print a\nsleep 10s"}, false, 50 * time.Millisecond,
			"t.ipynb: cell 2 (code cell 1), line 2: Timeout: the cell ran longer than the time limit of 50ms", []int{2}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			nb := New()
			nb.Cells = []*Cell{{Type: "markdown", Source: "x"}}
			for _, s := range tt.cells {
				nb.Cells = append(nb.Cells, &Cell{Type: "code", Source: s})
			}
			err := Run(context.Background(), nb, &fakeEngine{}, Options{Name: "t.ipynb", AllowErrors: tt.allow, Timeout: tt.timeout})
			if tt.want == "" && err != nil {
				t.Fatalf("Run: %v", err)
			}
			if tt.want != "" {
				var ce *CellError
				if !errors.As(err, &ce) || !strings.Contains(err.Error(), tt.want) {
					t.Fatalf("Run error = %v, want a *CellError containing %q", err, tt.want)
				}
			}
			for i, n := range tt.outputs {
				if got := len(nb.Cells[i+1].Outputs); got != n {
					t.Errorf("code cell %d: %d outputs, want %d (%v)", i+1, got, n, nb.Cells[i+1].Outputs)
				}
			}
		})
	}
}

func TestRunAbandonsAHungCell(t *testing.T) {
	defer func(g time.Duration) { interruptGrace = g }(interruptGrace)
	interruptGrace = 100 * time.Millisecond
	nb := New()
	// The cell ignores the interrupt for a minute: only abandoning it after
	// the grace period gives the timeout error (without it, Run would wait
	// the minute and then succeed).
	nb.Cells = []*Cell{{Type: "code", Source: "hang 1m"}}
	err := Run(context.Background(), nb, &fakeEngine{}, Options{Timeout: 20 * time.Millisecond})
	if err == nil || !strings.Contains(err.Error(), "time limit") {
		t.Fatalf("err = %v", err)
	}
}
