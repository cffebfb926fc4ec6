package repl

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"

	"github.com/chzyer/readline"

	"github.com/nnbook/nnbook/kernel"
)

// Usage is the help text of the REPL (plain `nnbook`), printed by
// `nnbook help repl` and `nnbook -h`.
const Usage = `usage: nnbook [--plots DIR] [--inline[=kitty|iterm]] [--no-color]

Starts an interactive Go prompt with nnlib and nnlib/plot preloaded.
Type :help at the prompt for the commands and a short tour.

When standard input is not a terminal, runs it as a script instead:
no prompts, values and output printed as at the prompt, and exit status 1
at the first failing entry, with its line number (2 when it panicked, and a
call of os.Exit ends the script with its status, as go run would):

	nnbook < script.go

Flags:
  --plots DIR     folder for figures (default ./nnbook-plots): each figure
                  value is written there as fig-N.png and its path printed
  --inline        also show figures in the terminal, with the kitty or the
                  iTerm2 image protocol (--inline=kitty, --inline=iterm;
                  plain --inline guesses from the environment)
  --no-color      no colours (also when NO_COLOR is set or TERM=dumb)

Environment:
  NNBOOK_HISTORY  history file (default ~/.nnbook_history)
`

// options are the REPL's flags.
type options struct {
	plots   string
	inline  inlineFlag
	noColor bool
}

// inlineFlag is --inline: a boolean flag that also takes a protocol name.
type inlineFlag string

func (f *inlineFlag) String() string   { return string(*f) }
func (f *inlineFlag) IsBoolFlag() bool { return true }
func (f *inlineFlag) Set(v string) error {
	switch v {
	case "true", "auto":
		*f = "auto"
	case "false", "none", "off":
		*f = ""
	case "kitty", "iterm":
		*f = inlineFlag(v)
	default:
		return fmt.Errorf("--inline takes kitty or iterm, not %q", v)
	}
	return nil
}

var errHelp = errors.New("help requested")

// parseFlags parses the REPL's arguments. Errors are phrased for the
// "nnbook: ...; run 'nnbook help'" usage line.
func parseFlags(args []string) (*options, error) {
	o := &options{plots: "nnbook-plots"}
	fs := flag.NewFlagSet("nnbook", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.StringVar(&o.plots, "plots", o.plots, "folder for figures")
	fs.Var(&o.inline, "inline", "show figures inline")
	fs.BoolVar(&o.noColor, "no-color", false, "no colours")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil, errHelp
		}
		if name, ok := strings.CutPrefix(err.Error(), "flag provided but not defined: "); ok {
			return nil, fmt.Errorf("unknown flag %q", name)
		}
		return nil, err
	}
	if fs.NArg() > 0 {
		return nil, fmt.Errorf("unknown command %q", fs.Arg(0))
	}
	if o.plots == "" {
		return nil, errors.New("--plots needs a folder")
	}
	return o, nil
}

// Main is plain `nnbook`: the REPL at a terminal, a script run otherwise.
// args are the arguments after the program name. It returns the exit
// status: 0, 1 when a script fails, 2 for a usage error or when a script
// panics (as go run gives it), 130 when a script is interrupted, the code a
// script passes to os.Exit.
func Main(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	opts, err := parseFlags(args)
	if errors.Is(err, errHelp) {
		io.WriteString(stdout, Usage)
		return 0
	}
	if err != nil {
		fmt.Fprintf(stderr, "nnbook: %v; run 'nnbook help'\n", err)
		return 2
	}
	eng := startEngine()
	s := &session{eng: eng, out: stdout, errw: stderr, plotsDir: opts.plots}
	if f, ok := stdin.(*os.File); ok && readline.IsTerminal(int(f.Fd())) {
		// At a terminal: the interactive prompt.
		s.interactive = true
		s.color = !opts.noColor && os.Getenv("NO_COLOR") == "" && os.Getenv("TERM") != "dumb" && isTerminal(stdout)
		if isTerminal(stdout) {
			s.inline = inlineProtocol(string(opts.inline))
		}
		return s.repl(f)
	}
	if _, err := eng.get(); err != nil {
		fmt.Fprintf(stderr, "nnbook: starting the engine: %v\n", err)
		return 1
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := s.runScript(ctx, stdin, ""); err != nil {
		if code, ok := kernel.ExitCode(err); ok {
			return code // the program called os.Exit: its status, as go run gives it
		}
		s.reportError(err)
		if ctx.Err() != nil {
			return 130
		}
		var ce *cellErr
		if errors.As(err, &ce) && ce.Name == kernel.KindPanic {
			return 2 // Go's runtime exits with 2 after an unrecovered panic
		}
		return 1
	}
	return 0
}

// lazyEngine starts kernel.New in the background so the first prompt shows
// while the interpreter loads; every method waits for it.
type lazyEngine struct {
	ready chan struct{}
	e     *kernel.Engine
	err   error
}

func startEngine() *lazyEngine {
	l := &lazyEngine{ready: make(chan struct{})}
	go func() {
		defer close(l.ready)
		l.e, l.err = kernel.New()
		if l.err == nil {
			l.e.SetLiveDisplay(false) // a terminal shows no figures
		}
	}()
	return l
}

func (l *lazyEngine) get() (*kernel.Engine, error) {
	<-l.ready
	return l.e, l.err
}

func (l *lazyEngine) Execute(ctx context.Context, code string, emit func(kernel.Part)) error {
	e, err := l.get()
	if err != nil {
		return fmt.Errorf("the engine did not start: %v", err)
	}
	return e.Execute(ctx, code, emit)
}

func (l *lazyEngine) Complete(code string, cursor int) ([]string, int, int) {
	e, err := l.get()
	if err != nil {
		return nil, cursor, cursor
	}
	return e.Complete(code, cursor)
}

func (l *lazyEngine) IsComplete(code string) (string, string) {
	e, err := l.get()
	if err != nil {
		return "complete", ""
	}
	return e.IsComplete(code)
}

func (l *lazyEngine) Doc(name string) (string, bool) {
	e, err := l.get()
	if err != nil {
		return "", false
	}
	return e.Doc(name)
}

func (l *lazyEngine) Inspect(code string, cursor int) (string, bool) {
	e, err := l.get()
	if err != nil {
		return "", false
	}
	return e.Inspect(code, cursor)
}

func (l *lazyEngine) Vars() []kernel.Var {
	e, err := l.get()
	if err != nil {
		return nil
	}
	return e.Vars()
}

func (l *lazyEngine) Reset() error {
	e, err := l.get()
	if err != nil {
		return err
	}
	return e.Reset()
}

func (l *lazyEngine) Unresolved() (string, error) {
	e, err := l.get()
	if err != nil {
		return "", nil // no engine, nothing declared
	}
	return e.Unresolved()
}
