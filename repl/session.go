package repl

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"text/tabwriter"
	"unicode/utf8"

	"github.com/nnbook/nnbook/internal/atomicfile"
	"github.com/nnbook/nnbook/kernel"
)

// engine is the part of *kernel.Engine the REPL uses; tests substitute a fake.
type engine interface {
	Execute(ctx context.Context, code string, emit func(kernel.Part)) error
	Complete(code string, cursor int) (matches []string, start, end int)
	IsComplete(code string) (status, indent string)
	Doc(name string) (string, bool)
	Inspect(code string, cursor int) (text string, found bool)
	Vars() []kernel.Var
	Reset() error
	Unresolved() (cell string, err error)
}

type cellErr = kernel.CellError

// session is one REPL or script run: the engine plus what the front end
// keeps (entries for :save, figure numbers, output state).
type session struct {
	eng         engine
	out, errw   io.Writer
	color       bool
	interactive bool
	plotsDir    string
	inline      string // "", "kitty" or "iterm"

	mu      sync.Mutex // guards the output state below, written from emit
	midLine bool       // the last byte written to the terminal was not '\n'

	entries []string // successful entries, for :save
	quit    bool     // set by :quit
}

// ANSI styles, used only when s.color.
const (
	styleReset = "\033[0m"
	styleBold  = "\033[1m"
	styleDim   = "\033[2m"
	styleRed   = "\033[31m"
	styleGreen = "\033[32m"
	styleYel   = "\033[33m"
	styleBlue  = "\033[34m"
)

func (s *session) style(st, text string) string {
	if !s.color || text == "" {
		return text
	}
	return st + text + styleReset
}

// execute runs one entry, printing its output while it runs. A successful
// entry is remembered for :save.
func (s *session) execute(ctx context.Context, code string) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("internal error in the engine: %v", r)
		}
		if s.interactive {
			s.endLine() // the prompt starts at the left margin
		}
	}()
	err = s.eng.Execute(ctx, code, s.emit)
	if err == nil {
		s.entries = append(s.entries, code)
	}
	return err
}

// emit shows one part of a running entry's output.
func (s *session) emit(p kernel.Part) {
	s.mu.Lock()
	defer s.mu.Unlock()
	switch p.Kind {
	case kernel.Stdout:
		s.write(s.out, p.Text)
	case kernel.Stderr:
		s.write(s.errw, p.Text)
	case kernel.Value:
		s.endLineLocked()
		s.printValue(p)
	case kernel.Display, kernel.UpdateDisplay:
		// What display.Display shows is printed like a value (the REPL turns
		// the live training figures off: at the terminal a figure is a
		// value, plot.Loss(h) after the training writes it). An update is
		// printed again.
		s.endLineLocked()
		s.printValue(p)
	}
}

func (s *session) write(w io.Writer, text string) {
	if text == "" {
		return
	}
	io.WriteString(w, text)
	s.midLine = !strings.HasSuffix(text, "\n")
}

// endLine ends a line that output left open, so the next prompt or message
// starts at the left margin.
func (s *session) endLine() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.endLineLocked()
}

func (s *session) endLineLocked() {
	if s.midLine {
		io.WriteString(s.out, "\n")
		s.midLine = false
	}
}

// printValue prints a final expression's value: text with its type as a Go
// comment ("9 // int") when it fits on one line, tables as they are, and
// figures as the path of the PNG written for them.
func (s *session) printValue(p kernel.Part) {
	text := p.Text
	if text == "" && p.Data != nil {
		text = string(p.Data["text/plain"])
	}
	text = strings.TrimRight(text, "\n")
	png, ext := p.Data["image/png"], "png"
	for _, im := range []struct{ mime, ext string }{{"image/svg+xml", "svg"}, {"image/jpeg", "jpg"}} {
		if b := p.Data[im.mime]; len(png) == 0 && len(b) > 0 {
			png, ext = b, im.ext
		}
	}
	if len(png) > 0 {
		path, err := s.saveImage(png, ext)
		if err != nil {
			fmt.Fprintf(s.out, "%s %s\n", text, s.style(styleRed, "(figure not saved: "+err.Error()+")"))
			return
		}
		if text == "" {
			text = "figure"
		}
		fmt.Fprintf(s.out, "%s %s %s\n", text, s.style(styleDim, "→"), s.style(styleBlue, path))
		if s.inline != "" && ext == "png" {
			writeInline(s.out, s.inline, png)
		}
		return
	}
	if !strings.Contains(text, "\n") && p.Type != "" {
		if p.Type == "string" {
			text = strconv.Quote(text) // show "" and trailing spaces, as Go would write it
		}
		fmt.Fprintf(s.out, "%s %s\n", text, s.style(styleDim, "// "+p.Type))
		return
	}
	fmt.Fprintln(s.out, text)
}

// saveImage writes a figure to the next free plotsDir/fig-N.ext.
func (s *session) saveImage(png []byte, ext string) (string, error) {
	if err := os.MkdirAll(s.plotsDir, 0o755); err != nil {
		return "", err
	}
	for n := 1; ; n++ {
		path := filepath.Join(s.plotsDir, fmt.Sprintf("fig-%d.%s", n, ext))
		err := atomicfile.WriteNew(path, png, 0o666)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		return path, err
	}
}

// cellMessage is an error's message without the cell position, which the
// caller reports in its own terms ("line 7: ...").
func cellMessage(err error) string {
	var ce *cellErr
	if !errors.As(err, &ce) {
		return err.Error()
	}
	switch ce.Name {
	case kernel.KindPanic:
		return "panic: " + ce.Value
	case kernel.KindInterrupted:
		if ce.Value == "" {
			return "interrupted"
		}
		return "interrupted: " + ce.Value
	}
	return ce.Value
}

func isInterrupt(err error) bool {
	var ce *cellErr
	return errors.As(err, &ce) && ce.Name == kernel.KindInterrupted || errors.Is(err, context.Canceled)
}

// reportError prints a failed entry or command: compile errors with their
// line:column in the entry, panics with the cell frames of their
// traceback, a failed :load with its file and line.
func (s *session) reportError(err error) {
	s.endLine()
	if s.interactive && isInterrupt(err) {
		fmt.Fprintln(s.errw, s.style(styleYel, "interrupted")+s.style(styleDim, " (every variable is kept)"))
		var ce *cellErr
		if errors.As(err, &ce) && ce.Value != "interrupted" && ce.Value != "" {
			// What the interrupt could not stop, or why the entry did not run.
			fmt.Fprintln(s.errw, s.style(styleYel, strings.TrimPrefix(ce.Value, "interrupted; ")))
		}
		return
	}
	fmt.Fprintln(s.errw, s.style(styleRed, err.Error()))
	var ce *cellErr
	if errors.As(err, &ce) && len(ce.Traceback) > 1 {
		for _, l := range ce.Traceback[1:] {
			fmt.Fprintln(s.errw, s.style(styleDim, l))
		}
	}
}

// showSource prints, under a compile error at the prompt, the entry's line
// it names with a caret under the column (Col counts runes; tabs are kept
// so the caret lines up).
func (s *session) showSource(code string, err error) {
	var ce *cellErr
	if !errors.As(err, &ce) || ce.Name != kernel.KindCompile || ce.Line < 1 || ce.Col < 1 {
		return
	}
	lines := strings.Split(code, "\n")
	if ce.Line > len(lines) {
		return
	}
	line := []rune(lines[ce.Line-1])
	if ce.Col > len(line)+1 || strings.TrimSpace(string(line)) == "" {
		return
	}
	var pad strings.Builder
	for _, r := range line[:ce.Col-1] {
		if r == '\t' {
			pad.WriteRune('\t')
		} else {
			pad.WriteRune(' ')
		}
	}
	fmt.Fprintf(s.errw, "    %s\n    %s%s\n", string(line), pad.String(), s.style(styleRed, "^"))
}

// meta runs a meta command line. It returns an error for a command that
// failed (an unknown one included); the caller reports it.
func (s *session) meta(ctx context.Context, line string) error {
	name, arg, known, _ := parseMeta(line)
	if !known {
		return fmt.Errorf("unknown command :%s; the commands are %s", name, metaNames())
	}
	switch name {
	case "help":
		s.help()
	case "doc":
		return s.doc(arg)
	case "vars":
		s.vars()
	case "reset":
		if err := s.eng.Reset(); err != nil {
			return fmt.Errorf("reset failed: %v", err)
		}
		s.entries = nil
		fmt.Fprintln(s.out, "session reset: every definition is gone")
	case "load":
		return s.loadFile(ctx, arg)
	case "save":
		n, err := s.saveScript(arg)
		if err != nil {
			return err
		}
		fmt.Fprintf(s.out, "saved %d entries to %s (run it with: nnbook < %s)\n", n, arg, arg)
	case "quit":
		s.quit = true
	}
	return nil
}

// tour is :help's five-line introduction to nnlib.
const tour = `  n := nnlib.WorkedExample()                          // the seed's 2-2-2 network; type n to see it
  n.Train(nnlib.WorkedInput(), nnlib.WorkedTarget())  // one step of backprop; returns the error
  x := nnlib.New(2, 3, 1)                             // any sizes; :doc nnlib.Build for options
  h, _ := x.Fit(nnlib.XOR(), nnlib.FitOptions{Epochs: 2000})  // train; Ctrl-C stops it
  plot.Loss(h)                                        // a figure, saved as nnbook-plots/fig-N.png`

func (s *session) help() {
	var b strings.Builder
	b.WriteString("Type Go: statements, declarations and expressions; an expression's value is\nprinted with its type. nnlib, plot, fmt, math, strings, sort, time, os are\npreloaded. A tour of nnlib:\n\n")
	b.WriteString(tour)
	b.WriteString("\n\nCommands:\n")
	tw := tabwriter.NewWriter(&b, 0, 0, 2, ' ', 0)
	for _, c := range metaCommands {
		name := ":" + c.name
		if c.arg != "" {
			name += " " + c.arg
		}
		fmt.Fprintf(tw, "  %s\t%s\n", name, c.short)
	}
	tw.Flush()
	b.WriteString("\nCompiled cells: an entry whose first line is //nnbook:compile holds Go\ndeclarations compiled at native speed (an empty line ends it); its names\nwork in every later entry. 'nnbook doctor' says whether that works here.\n")
	b.WriteString("\nKeys: Tab completes, Up/Down and Ctrl-R search the history, Ctrl-C stops a\nrunning entry (or clears the line), Ctrl-D on an empty line quits.\n")
	io.WriteString(s.out, b.String())
}

func (s *session) doc(name string) error {
	if name == "" {
		return errors.New(":doc needs a name, e.g. :doc nnlib.WorkedExample or :doc fmt.Println")
	}
	try := []string{name}
	if !strings.Contains(name, ".") {
		try = append(try, "nnlib."+name, "plot."+name)
	}
	for _, n := range try {
		if text, ok := s.eng.Doc(n); ok {
			fmt.Fprintln(s.out, strings.TrimRight(text, "\n"))
			return nil
		}
	}
	// A method of a variable (:doc n.Fit) or any other expression.
	if text, ok := s.eng.Inspect(name, utf8.RuneCountInString(name)); ok {
		fmt.Fprintln(s.out, strings.TrimRight(text, "\n"))
		return nil
	}
	return fmt.Errorf("no documentation for %s (try :doc nnlib.WorkedExample, or Tab after nnlib.)", name)
}

func (s *session) vars() {
	vs := s.eng.Vars()
	if len(vs) == 0 {
		fmt.Fprintln(s.out, "no variables yet")
		return
	}
	vs = append([]kernel.Var(nil), vs...)
	sort.Slice(vs, func(i, j int) bool { return vs[i].Name < vs[j].Name })
	tw := tabwriter.NewWriter(s.out, 0, 0, 2, ' ', 0)
	for _, v := range vs {
		fmt.Fprintf(tw, "%s\t%s\n", v.Name, s.style(styleDim, v.Type))
	}
	tw.Flush()
}
