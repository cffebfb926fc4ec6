package notebooks

import (
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/nnbook/nnbook/kernel"
)

// Executor runs one cell, emitting its output parts in order. *kernel.Engine
// is the Executor the runner uses; tests may pass their own.
type Executor interface {
	Execute(ctx context.Context, code string, emit func(kernel.Part)) error
}

// Options control a notebook run.
type Options struct {
	// Name names the notebook in progress lines and errors (usually its path).
	Name string
	// Timeout limits each cell; 0 means no limit.
	Timeout time.Duration
	// AllowErrors records a failing cell's error output and goes on, instead
	// of stopping the run.
	AllowErrors bool
	// Progress receives one line per code cell (which cell, how long it took);
	// nil for none.
	Progress io.Writer
	// Checkpoint, when set, is called before each code cell runs, with the
	// notebook as it stands: the cells before it with their outputs, the
	// rest without, and metadata.nnbook.status naming the cell about to
	// run. "nnbook run" saves the output notebook there, so a crash leaves
	// everything up to the last finished cell. An error stops the run.
	Checkpoint func(nb *Notebook) error
}

// String returns a summary of the options.
func (o Options) String() string {
	return fmt.Sprintf("Options(name=%q timeout=%v allowErrors=%v)", o.Name, o.Timeout, o.AllowErrors)
}

// CellError is the error Run returns when a cell fails. It names the
// notebook, the cell and the line inside the cell.
type CellError struct {
	Notebook string // Options.Name
	Cell     int    // 1-based position among all cells
	CodeCell int    // 1-based position among code cells
	Line     int    // 1-based line inside the cell; 0 when unknown
	FileLine int    // line in the script file, for scripts; 0 otherwise
	Err      error  // usually a *kernel.CellError
}

// Error returns e.g. `notebook.ipynb: cell 5 (code cell 3), line 2: undefined: x`.
func (e *CellError) Error() string {
	var b strings.Builder
	if e.Notebook != "" {
		b.WriteString(e.Notebook)
		if e.FileLine > 0 {
			fmt.Fprintf(&b, ":%d", e.FileLine)
		}
		b.WriteString(": ")
	}
	fmt.Fprintf(&b, "cell %d (code cell %d)", e.Cell, e.CodeCell)
	if e.Line > 0 {
		fmt.Fprintf(&b, ", line %d", e.Line)
	}
	b.WriteString(": ")
	msg := e.Err.Error()
	var ce *kernel.CellError
	if errors.As(e.Err, &ce) {
		// The position is already given; keep the name and message.
		msg = ce.Value
		switch ce.Name {
		case "", "Error":
		default:
			msg = ce.Name + ": " + msg
		}
	}
	b.WriteString(msg)
	return b.String()
}

// Unwrap returns the engine's error.
func (e *CellError) Unwrap() error { return e.Err }

// Run executes every code cell of nb in order with eng, replacing each code
// cell's outputs and execution_count, and sets the notebook's kernel
// metadata. Outputs of cells not yet run are cleared first, so a notebook
// saved midway never shows stale results as new. It stops at the first failing cell with a *CellError unless
// opts.AllowErrors is set (then the error is recorded as an error output).
// Cancelling ctx interrupts the running cell.
func Run(ctx context.Context, nb *Notebook, eng Executor, opts Options) error {
	total := nb.CodeCells()
	count := 0
	nb.SetKernelMetadata()
	for _, c := range nb.Cells {
		if c.Type == "code" {
			c.Outputs, c.ExecutionCount = nil, nil
		}
	}
	for i, c := range nb.Cells {
		if c.Type != "code" {
			continue
		}
		count++
		if opts.Checkpoint != nil {
			nb.setRunStatus(fmt.Sprintf("running code cell %d of %d (a run that stops here crashed)", count, total))
			if err := opts.Checkpoint(nb); err != nil {
				return fmt.Errorf("%s: saving before code cell %d: %w", opts.Name, count, err)
			}
		}
		if opts.Progress != nil {
			fmt.Fprintf(opts.Progress, "%s: cell %d/%d ", opts.Name, count, total)
		}
		start := time.Now()
		n := count
		c.ExecutionCount = &n
		c.Outputs = nil
		err := runCell(ctx, c, eng, opts.Timeout, n)
		took := time.Since(start)
		if opts.Progress != nil {
			status := "ok"
			if err != nil {
				status = "FAILED"
			}
			fmt.Fprintf(opts.Progress, "%s %s\n", status, formatDuration(took))
		}
		if err == nil {
			continue
		}
		ce := &CellError{Notebook: opts.Name, Cell: i + 1, CodeCell: count, Err: err}
		var kce *kernel.CellError
		if errors.As(err, &kce) {
			ce.Line = kce.Line
		}
		if off, ok := nb.startLines[i]; ok && ce.Line > 0 {
			ce.FileLine = off + ce.Line - 1
		}
		c.Outputs = append(c.Outputs, errorOutput(err))
		if !opts.AllowErrors || ctx.Err() != nil {
			return ce
		}
	}
	return nil
}

func formatDuration(d time.Duration) string {
	switch {
	case d < time.Millisecond:
		return fmt.Sprintf("%dµs", d.Microseconds())
	case d < time.Second:
		return fmt.Sprintf("%dms", d.Milliseconds())
	}
	return fmt.Sprintf("%.1fs", d.Seconds())
}

// collector turns parts into nbformat outputs as they arrive. Stream text
// is gathered in a strings.Builder per output (appending to Output.Text
// would copy everything so far on every write: quadratic in the output) and
// stored in the output when the cell ends.
type collector struct {
	mu       sync.Mutex
	closed   bool
	cell     *Cell
	count    int
	displays map[string]*Output
	stream   *Output         // the last output, when it is a stream
	text     strings.Builder // stream's text so far

	clearNext bool // a ClearOutput waits for the next output
}

// endStream stores the text gathered for the current stream output.
func (c *collector) endStream() {
	if c.stream != nil {
		c.stream.Text = c.text.String()
		c.stream = nil
		c.text = strings.Builder{}
	}
}

// close stops collecting: later parts (from a cell that was abandoned) are
// dropped.
func (c *collector) close() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.endStream()
	c.closed = true
}

func (c *collector) emit(p kernel.Part) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.closed {
		return
	}
	outs := &c.cell.Outputs
	if p.Kind == kernel.ClearOutput && !p.Wait || c.clearNext && p.Kind != kernel.ClearOutput {
		// As in Jupyter: the cell's outputs so far go.
		*outs = nil
		c.stream, c.text = nil, strings.Builder{}
		c.clearNext = false
	}
	switch p.Kind {
	case kernel.ClearOutput:
		c.clearNext = p.Wait
	case kernel.Stdout, kernel.Stderr:
		name := "stdout"
		if p.Kind == kernel.Stderr {
			name = "stderr"
		}
		if c.stream == nil || c.stream.Name != name {
			c.endStream()
			c.stream = &Output{Type: "stream", Name: name}
			*outs = append(*outs, c.stream)
		}
		c.text.WriteString(p.Text)
	case kernel.Value:
		c.endStream()
		n := c.count
		*outs = append(*outs, &Output{Type: "execute_result", Data: bundle(p), Metadata: Metadata{}, ExecutionCount: &n})
	case kernel.Display:
		c.endStream()
		o := &Output{Type: "display_data", Data: bundle(p), Metadata: Metadata{}}
		*outs = append(*outs, o)
		if p.DisplayID != "" {
			c.displays[p.DisplayID] = o
		}
	case kernel.UpdateDisplay:
		// As in Jupyter: the earlier display is updated in place; an update
		// for an unknown display is dropped.
		if o, ok := c.displays[p.DisplayID]; ok {
			o.Data = bundle(p)
		}
	}
}

// bundle converts a part's MIME data to nbformat's form: text as text,
// anything else (images) base64-encoded; text/plain is always present.
func bundle(p kernel.Part) MIMEBundle {
	b := MIMEBundle{}
	keys := make([]string, 0, len(p.Data))
	for k := range p.Data {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		v := p.Data[k]
		if isTextMIME(k) {
			b.SetText(k, string(v))
		} else {
			b.SetText(k, base64.StdEncoding.EncodeToString(v))
		}
	}
	if _, ok := b["text/plain"]; !ok {
		b.SetText("text/plain", p.Text)
	}
	return b
}

func isTextMIME(mime string) bool {
	return strings.HasPrefix(mime, "text/") || mime == "image/svg+xml" ||
		strings.HasSuffix(mime, "json") || mime == "application/javascript"
}

// errorOutput converts an engine error to an nbformat error output.
func errorOutput(err error) *Output {
	o := &Output{Type: "error", EName: kernel.KindError, EValue: err.Error()}
	var ce *kernel.CellError
	if errors.As(err, &ce) {
		if ce.Name != "" {
			o.EName = ce.Name
		}
		o.EValue = ce.Value
		o.Traceback = append([]string(nil), ce.Traceback...)
	}
	if len(o.Traceback) == 0 {
		o.Traceback = []string{err.Error()}
	}
	return o
}

// errTimeout is reported when a cell overruns its time limit.
type timeoutError struct{ limit time.Duration }

func (e timeoutError) Error() string {
	return fmt.Sprintf("the cell ran longer than the time limit of %v (raise it with --timeout)", e.limit)
}

// interruptGrace is how long an interrupted cell may take to stop.
var interruptGrace = 5 * time.Second

// runCell executes one cell. When the cell overruns its limit (or ctx is
// cancelled) the engine is interrupted; if it does not stop within a grace
// period the cell is abandoned.
func runCell(ctx context.Context, cell *Cell, eng Executor, timeout time.Duration, count int) error {
	cctx, cancel := context.WithCancel(ctx)
	defer cancel()
	if timeout > 0 {
		var c2 context.CancelFunc
		cctx, c2 = context.WithTimeout(cctx, timeout)
		defer c2()
	}
	col := &collector{cell: cell, count: count, displays: map[string]*Output{}}
	done := make(chan error, 1)
	go func() {
		defer func() {
			if r := recover(); r != nil {
				done <- &kernel.CellError{Name: kernel.KindPanic, Value: fmt.Sprint(r), Traceback: []string{fmt.Sprintf("panic in the engine: %v", r)}}
			}
		}()
		done <- eng.Execute(cctx, cell.Source, col.emit)
	}()
	var err error
	select {
	case err = <-done:
	case <-cctx.Done():
		grace := time.NewTimer(interruptGrace)
		select {
		case err = <-done:
			grace.Stop()
		case <-grace.C:
			err = &kernel.CellError{Name: kernel.KindInterrupted, Value: "the cell did not stop after being interrupted"}
		}
	}
	col.close()
	if err != nil && errors.Is(cctx.Err(), context.DeadlineExceeded) && ctx.Err() == nil && timeout > 0 {
		te := timeoutError{timeout}
		var ce *kernel.CellError
		if errors.As(err, &ce) {
			return &kernel.CellError{Name: "Timeout", Value: te.Error(), Traceback: ce.Traceback, Line: ce.Line, Col: ce.Col}
		}
		return &kernel.CellError{Name: "Timeout", Value: te.Error()}
	}
	return err
}
