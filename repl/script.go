package repl

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"go/scanner"
	"go/token"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/nnbook/nnbook/internal/atomicfile"
	"github.com/nnbook/nnbook/kernel"
)

// An entry is one unit of input run by the engine: what the user would type
// at the prompt before the engine says the code is complete.
type entry struct {
	code string
	line int // 1-based line of its first line in the input
}

// splitter cuts input lines into entries exactly as the prompt does: lines
// are added to the pending entry until the engine's IsComplete says
// "complete" (or "invalid": the error is then reported at once). Blank lines
// and comments between entries are skipped.
type splitter struct {
	isComplete func(code string) (status, indent string)
	pending    []string
	start      int // line of pending[0]
	line       int // lines seen so far
}

// add feeds the next line and returns a finished entry, if any.
func (s *splitter) add(line string) (entry, bool) {
	s.line++
	if len(s.pending) == 0 {
		if onlyComments(line) && !kernel.IsCompiledCell(line) {
			return entry{}, false
		}
		s.start = s.line
	}
	s.pending = append(s.pending, line)
	code := strings.Join(s.pending, "\n")
	if st, _ := s.isComplete(code); st == "incomplete" {
		return entry{}, false
	}
	s.pending = s.pending[:0]
	return entry{code: code, line: s.start}, true
}

// flush returns what is left at the end of the input: an unfinished entry,
// which the engine will then report as an error.
func (s *splitter) flush() (entry, bool) {
	if len(s.pending) == 0 {
		return entry{}, false
	}
	code := strings.Join(s.pending, "\n")
	s.pending = s.pending[:0]
	if onlyComments(code) {
		return entry{}, false
	}
	return entry{code: code, line: s.start}, true
}

// onlyComments reports whether code holds nothing but white space and
// complete comments.
func onlyComments(code string) bool {
	if strings.TrimSpace(code) == "" {
		return true
	}
	fs := token.NewFileSet()
	var sc scanner.Scanner
	bad := false
	sc.Init(fs.AddFile("", -1, len(code)), []byte(code), func(token.Position, string) { bad = true }, 0)
	for {
		_, tok, lit := sc.Scan()
		if tok == token.EOF {
			return !bad
		}
		if tok == token.SEMICOLON && lit == "\n" {
			continue
		}
		return false
	}
}

var (
	packageClause = regexp.MustCompile(`^\s*package\s+(\w+)\s*(//.*)?$`)
	mainDecl      = regexp.MustCompile(`(?m)^func\s+main\s*\(\s*\)`)
)

// scriptError is a failing entry of a script, located by its line.
type scriptError struct {
	file string // "" for standard input
	line int
	err  error
}

func (e *scriptError) Error() string {
	prefix := fmt.Sprintf("line %d: ", e.line)
	if e.file != "" {
		prefix = fmt.Sprintf("%s:%d: ", e.file, e.line)
	}
	return prefix + cellMessage(e.err)
}

// Unwrap returns the entry's error.
func (e *scriptError) Unwrap() error { return e.err }

// runScript runs Go source read from r entry by entry, printing output and
// values as the prompt would. It stops at the first failing entry and
// returns a *scriptError naming the line in the input. A leading package
// clause is skipped; when it is package main and the script declares func
// main, main runs at the end, as with `go run`.
func (s *session) runScript(ctx context.Context, r io.Reader, file string) error {
	sp := &splitter{isComplete: s.eng.IsComplete}
	br := bufio.NewReader(r)
	first := true
	program := false          // package main
	mainLine := 0             // the line of func main, when declared
	lines := map[string]int{} // an entry's code → its first line, for Unresolved
	run := func(e entry) error {
		if first {
			first = false
			if m := packageClause.FindStringSubmatch(e.code); m != nil {
				program = m[1] == "main"
				return nil
			}
		}
		if err := s.execute(ctx, e.code); err != nil {
			if _, seen := lines[e.code]; !seen {
				lines[e.code] = e.line
			}
			scriptFrames(err, e.line, lines)
			return &scriptError{file: file, line: e.line + cellLine(err) - 1, err: err}
		}
		if _, seen := lines[e.code]; !seen {
			lines[e.code] = e.line
		}
		if loc := mainDecl.FindStringIndex(e.code); loc != nil {
			mainLine = e.line + strings.Count(e.code[:loc[0]], "\n")
		}
		return nil
	}
	for {
		line, rerr := br.ReadString('\n')
		if rerr != nil && line == "" {
			if rerr != io.EOF {
				return rerr
			}
			break
		}
		line = strings.TrimSuffix(strings.TrimSuffix(line, "\n"), "\r")
		if len(sp.pending) == 0 && isMeta(line) {
			sp.line++
			first = false
			if err := s.meta(ctx, line); err != nil {
				return &scriptError{file: file, line: sp.line, err: err}
			}
			if s.quit {
				return nil
			}
		} else if e, ok := sp.add(line); ok {
			if err := run(e); err != nil {
				return err
			}
		}
		if rerr != nil {
			break
		}
	}
	if e, ok := sp.flush(); ok {
		if err := run(e); err != nil {
			return err
		}
	}
	// Declarations may come in any order, but by the end of the script
	// every name must be declared, as Go requires of a file.
	if code, err := s.eng.Unresolved(); err != nil && !s.quit {
		if line, ok := lines[code]; ok {
			return &scriptError{file: file, line: line + cellLine(err) - 1, err: err}
		}
		return &scriptError{file: file, line: 1, err: err}
	}
	if program && mainLine > 0 && !s.quit {
		if err := s.execute(ctx, "main()"); err != nil {
			scriptFrames(err, mainLine, lines)
			return &scriptError{file: file, line: mainLine, err: err}
		}
	}
	return nil
}

// cellLine returns the 1-based line inside the cell that an error names, or 1.
func cellLine(err error) int {
	var ce *cellErr
	if errors.As(err, &ce) && ce.Line > 0 {
		return ce.Line
	}
	return 1
}

// loadFile runs a .go script or the code cells of an .ipynb notebook into
// the session, as :load does.
func (s *session) loadFile(ctx context.Context, path string) error {
	if path == "" {
		return errors.New(":load needs a file name: :load FILE.go or :load FILE.ipynb")
	}
	path = expandHome(path)
	quit := s.quit
	defer func() { s.quit = quit }() // a :quit in the file ends the file, not the session
	if strings.EqualFold(filepath.Ext(path), ".ipynb") {
		return s.loadNotebook(ctx, path)
	}
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	return s.runScript(ctx, f, path)
}

// notebook is the part of nbformat 4 that :load needs.
type notebook struct {
	Cells []struct {
		CellType string          `json:"cell_type"`
		Source   json.RawMessage `json:"source"`
	} `json:"cells"`
}

// notebookSource reads a cell's source, which nbformat allows as a string
// or as a list of strings.
func notebookSource(raw json.RawMessage) (string, error) {
	if len(raw) == 0 {
		return "", nil
	}
	var s string
	if err := json.Unmarshal(raw, &s); err == nil {
		return s, nil
	}
	var parts []string
	if err := json.Unmarshal(raw, &parts); err != nil {
		return "", fmt.Errorf("cell source is neither a string nor a list of strings")
	}
	return strings.Join(parts, ""), nil
}

// parseNotebook returns the code cells of an nbformat 4 notebook in order.
func parseNotebook(data []byte) ([]string, error) {
	var nb notebook
	if err := json.Unmarshal(data, &nb); err != nil {
		return nil, fmt.Errorf("not a Jupyter notebook (nbformat 4 JSON): %v", err)
	}
	var cells []string
	for i, c := range nb.Cells {
		if c.CellType != "code" {
			continue
		}
		src, err := notebookSource(c.Source)
		if err != nil {
			return nil, fmt.Errorf("cell %d: %v", i+1, err)
		}
		cells = append(cells, src)
	}
	return cells, nil
}

func (s *session) loadNotebook(ctx context.Context, path string) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	cells, err := parseNotebook(data)
	if err != nil {
		return fmt.Errorf("%s: %v", path, err)
	}
	for i, code := range cells {
		if strings.TrimSpace(code) == "" {
			continue
		}
		if err := s.execute(ctx, code); err != nil {
			return fmt.Errorf("%s: code cell %d, line %d: %s", path, i+1, cellLine(err), cellMessage(err))
		}
	}
	return nil
}

// saveScript writes the session's successful entries to path as a script
// that `nnbook < path` or :load runs again.
func (s *session) saveScript(path string) (int, error) {
	if path == "" {
		return 0, errors.New(":save needs a file name: :save FILE.go")
	}
	path = expandHome(path)
	var b strings.Builder
	fmt.Fprintf(&b, "// nnbook session: %d entries. Run it again with\n//\tnnbook < %s\n// or, at the nnbook prompt, :load %s\n\n", len(s.entries), filepath.Base(path), filepath.Base(path))
	for _, e := range s.entries {
		b.WriteString(e)
		b.WriteString("\n\n")
	}
	if err := atomicfile.WriteFile(path, []byte(b.String()), 0o666); err != nil {
		return 0, err
	}
	return len(s.entries), nil
}

func expandHome(path string) string {
	if strings.HasPrefix(path, "~/") {
		if home, err := os.UserHomeDir(); err == nil {
			return filepath.Join(home, path[2:])
		}
	}
	return path
}
