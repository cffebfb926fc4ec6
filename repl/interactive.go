package repl

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"sync"

	"github.com/chzyer/readline"

	"github.com/nnbook/nnbook/kernel"
)

// indentUnit replaces each tab of the engine's suggested indent: readline
// measures a tab as four columns but terminals move to the next tab stop.
const indentUnit = "    "

// banner is printed when the prompt starts: at most three lines.
func (s *session) banner() string {
	return fmt.Sprintf("%s %s · Go with nnlib preloaded · %s for commands and a tour\n%s n := nnlib.WorkedExample(); n\n",
		s.style(styleBold, "nnbook"), kernel.Version, s.style(styleBold, ":help"), s.style(styleDim, "try:"))
}

func (s *session) prompts() (primary, cont string) {
	if s.color {
		return styleGreen + styleBold + "nnbook>" + styleReset + " ", styleDim + "    ..." + styleReset + " "
	}
	return "nnbook> ", "    ... "
}

// repl is the interactive loop on a terminal.
func (s *session) repl(stdin *os.File) int {
	primary, cont := s.prompts()
	hist := loadHistory(historyPath())
	// Prompts and editing go to the terminal: stdout, or stderr when stdout
	// is redirected (nnbook > log.txt still shows its prompt).
	term := s.out
	if !isTerminal(s.out) && isTerminal(s.errw) {
		term = s.errw
	}
	comp := &completer{s: s}
	cfg := &readline.Config{
		Prompt:                 primary,
		HistoryLimit:           historyLimit,
		DisableAutoSaveHistory: true,
		HistorySearchFold:      true,
		AutoComplete:           comp,
		Listener:               comp,
		Painter:                newlinePainter{},
		InterruptPrompt:        "^C",
		EOFPrompt:              "\n",
		Stdout:                 term,
		Stderr:                 s.errw,
	}
	if stdin != os.Stdin {
		cfg.Stdin = stdin
	}
	rl, err := readline.NewEx(cfg)
	if err != nil {
		fmt.Fprintf(s.errw, "nnbook: %v\n", err)
		return 1
	}
	defer rl.Close()
	syncHistory(rl, hist)

	sigc := make(chan os.Signal, 4)
	signal.Notify(sigc, os.Interrupt)
	defer signal.Stop(sigc)

	io.WriteString(term, s.banner())
	var pending []string
	indent := ""
	for !s.quit {
		comp.setPending(strings.Join(pending, "\n"))
		var line string
		if len(pending) == 0 {
			rl.SetPrompt(primary)
			line, err = rl.Readline()
		} else {
			rl.SetPrompt(cont)
			line, err = rl.ReadlineWithDefault(indent)
		}
		switch {
		case errors.Is(err, readline.ErrInterrupt):
			pending = nil // Ctrl-C at the prompt: drop the line (and the entry)
			continue
		case errors.Is(err, io.EOF):
			if len(pending) > 0 {
				pending = nil
				continue
			}
			return 0
		case err != nil:
			fmt.Fprintf(s.errw, "nnbook: %v\n", err)
			return 1
		}
		if len(pending) == 0 && isMeta(line) {
			if hist.add(strings.TrimSpace(line)) {
				syncHistory(rl, hist)
			}
			if err := s.runGuarded(sigc, func(ctx context.Context) error { return s.meta(ctx, line) }); err != nil {
				s.reportError(err)
			}
			continue
		}
		blankAgain := len(pending) > 0 && strings.TrimSpace(line) == "" && strings.TrimSpace(pending[len(pending)-1]) == ""
		pending = append(pending, line)
		code := strings.Join(pending, "\n")
		if strings.TrimSpace(code) == "" {
			pending = nil
			continue
		}
		status, ind := s.eng.IsComplete(code)
		if status == "incomplete" && !blankAgain {
			indent = strings.ReplaceAll(ind, "\t", indentUnit)
			continue
		}
		pending = nil
		if hist.add(strings.TrimRight(code, " \t\n")) {
			syncHistory(rl, hist)
		}
		if err := s.runGuarded(sigc, func(ctx context.Context) error { return s.execute(ctx, code) }); err != nil {
			s.reportError(err)
			s.showSource(code, err)
		}
	}
	return 0
}

// isTerminal reports whether w is a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && readline.IsTerminal(int(f.Fd()))
}

// runGuarded runs f with a context that the first Ctrl-C (SIGINT: the
// terminal is in cooked mode while code runs) cancels. If the engine does
// not stop, a second Ctrl-C explains and a third quits nnbook.
func (s *session) runGuarded(sigc chan os.Signal, f func(ctx context.Context) error) error {
	for len(sigc) > 0 {
		<-sigc
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		n := 0
		for {
			select {
			case <-done:
				return
			case <-sigc:
				n++
				switch n {
				case 1:
					cancel()
				case 2:
					s.endLine()
					fmt.Fprintln(s.errw, s.style(styleYel, "still stopping… press Ctrl-C again to quit nnbook (the session will be lost)"))
				default:
					fmt.Fprintln(s.errw, "nnbook: quit while an entry was running")
					os.Exit(130)
				}
			}
		}
	}()
	err := f(ctx)
	close(done)
	wg.Wait()
	if err == nil && ctx.Err() != nil {
		// The entry finished on its own just as Ctrl-C came: nothing to report.
		return nil
	}
	return err
}

// syncHistory loads the history items into readline's in-memory history.
// It starts from scratch each time because readline, after the user has
// browsed the history, would otherwise record the browsed line instead of
// the whole multi-line entry.
func syncHistory(rl *readline.Instance, h *history) {
	rl.ResetHistory()
	for _, it := range h.items {
		rl.SaveHistory(it)
	}
}

// newlinePainter shows the newlines of a multi-line entry recalled from the
// history as ↵, one column wide like the rune it stands for, so the whole
// entry is edited on one line. A final newline is the Enter key, which
// readline adds before its last redraw: that one stays.
type newlinePainter struct{}

func (newlinePainter) Paint(line []rune, _ int) []rune {
	out := make([]rune, len(line))
	for i, r := range line {
		if r == '\n' && i < len(line)-1 {
			r = '↵'
		}
		out[i] = r
	}
	return out
}

// OnChange implements readline.Listener: on a continuation line, a closing
// brace or paren typed right after the suggested indent takes one level of
// indentation back, as an editor would.
func (c *completer) OnChange(line []rune, pos int, key rune) ([]rune, int, bool) {
	if key != '}' && key != ')' && key != ']' {
		return nil, 0, false
	}
	c.mu.Lock()
	pending := c.pending
	c.mu.Unlock()
	return dedent(pending, line, pos, key)
}

// dedent removes one indentUnit before a closing key typed at the start of
// a continuation line.
func dedent(pending string, line []rune, pos int, key rune) ([]rune, int, bool) {
	n := len([]rune(indentUnit))
	if pending == "" || pos < n+1 || pos > len(line) || line[pos-1] != key {
		return nil, 0, false
	}
	if strings.TrimLeft(string(line[:pos-1]), " ") != "" {
		return nil, 0, false
	}
	out := append([]rune(nil), line[n:]...)
	return out, pos - n, true
}

// completer connects readline's Tab to the engine's Complete, and completes
// meta commands and their file names.
type completer struct {
	s       *session
	mu      sync.Mutex
	pending string // earlier lines of the entry being typed
}

func (c *completer) setPending(p string) {
	c.mu.Lock()
	c.pending = p
	c.mu.Unlock()
}

// Do implements readline.AutoCompleter: it returns the text to insert at
// the cursor for each candidate, and how many runes before the cursor the
// candidates replace (all in runes, as readline and the engine count).
func (c *completer) Do(line []rune, pos int) (cands [][]rune, length int) {
	defer func() {
		if r := recover(); r != nil {
			cands, length = nil, 0
		}
	}()
	if pos > len(line) {
		pos = len(line)
	}
	before := string(line[:pos])
	c.mu.Lock()
	pending := c.pending
	c.mu.Unlock()
	if strings.TrimSpace(before) == "" {
		return [][]rune{[]rune(indentUnit)}, 0 // Tab at the start of a line indents
	}
	if pending == "" && isMeta(before) {
		return c.meta(before)
	}
	code, cursor := before, pos
	if pending != "" {
		code = pending + "\n" + string(line)
		cursor += len([]rune(pending)) + 1
	} else {
		code = string(line)
	}
	matches, start, _ := c.s.eng.Complete(code, cursor)
	return suffixes([]rune(code), matches, start, cursor)
}

// suffixes turns the engine's matches for the rune span [start, cursor)
// into readline's form: the part of each match after what is typed. Matches
// that do not extend the typed text are dropped, since readline can only
// insert.
func suffixes(code []rune, matches []string, start, cursor int) ([][]rune, int) {
	if start < 0 || start > cursor || cursor > len(code) {
		return nil, 0
	}
	typed := string(code[start:cursor])
	seen := map[string]bool{}
	var out [][]rune
	for _, m := range matches {
		if !strings.HasPrefix(m, typed) || seen[m] {
			continue
		}
		seen[m] = true
		out = append(out, []rune(m[len(typed):]))
	}
	return out, cursor - start
}

// meta completes ":lo" → ":load ", ":doc nnlib.Wo" and ":load FILE".
func (c *completer) meta(before string) ([][]rune, int) {
	s := strings.TrimLeft(before, " \t")
	sp := strings.IndexAny(s, " \t")
	if sp < 0 {
		var out [][]rune
		for _, m := range metaCommands {
			if strings.HasPrefix(":"+m.name, s) {
				out = append(out, []rune((":" + m.name + " ")[len(s):]))
			}
		}
		return out, len([]rune(s))
	}
	name, _, _, _ := parseMeta(s)
	arg := strings.TrimLeft(s[sp:], " \t")
	switch name {
	case "doc":
		r := []rune(arg)
		matches, start, _ := c.s.eng.Complete(arg, len(r))
		return suffixes(r, matches, start, len(r))
	case "load", "save":
		return completeFile(arg, name == "load")
	}
	return nil, 0
}

// completeFile completes a file name; for :load only folders, .go and
// .ipynb files.
func completeFile(arg string, scripts bool) ([][]rune, int) {
	dir, base := filepath.Split(arg)
	list := dir
	if list == "" {
		list = "."
	}
	ents, err := os.ReadDir(expandHome(list))
	if err != nil {
		return nil, 0
	}
	var out [][]rune
	for _, e := range ents {
		n := e.Name()
		if !strings.HasPrefix(n, base) || (strings.HasPrefix(n, ".") && !strings.HasPrefix(base, ".")) {
			continue
		}
		switch {
		case e.IsDir():
			n += string(filepath.Separator)
		case scripts && !strings.HasSuffix(n, ".go") && !strings.HasSuffix(n, ".ipynb"):
			continue
		}
		out = append(out, []rune(n[len(base):]))
	}
	return out, len([]rune(base))
}
