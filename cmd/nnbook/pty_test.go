package main

import (
	"bytes"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/creack/pty"
)

// console is the built binary running on a pseudo-terminal, as a user at a
// terminal would run it.
type console struct {
	t    testing.TB
	cmd  *exec.Cmd
	pty  *os.File
	mu   sync.Mutex
	buf  bytes.Buffer // everything the terminal showed
	mark int          // expect looks after this offset
	done chan struct{}
}

// ansi matches the escape sequences readline redraws the line with.
var ansi = regexp.MustCompile(`\x1b\[[0-9;?]*[A-Za-z]|\x1b[_\]][^\x07\x1b]*(\x07|\x1b\\)| \x08`)

// startConsole starts nnbook in dir on a 200-column pseudo-terminal with
// its history in histFile and without colours.
func startConsole(t testing.TB, dir, histFile string, args ...string) *console {
	t.Helper()
	return startProgram(t, dir, append(os.Environ(), "NNBOOK_HISTORY="+histFile, "TERM=xterm-256color", "NO_COLOR=1", "HOME="+dir), binary, args...)
}

// startProgram starts any program in dir on a 200-column pseudo-terminal.
func startProgram(t testing.TB, dir string, env []string, prog string, args ...string) *console {
	t.Helper()
	cmd := exec.Command(prog, args...)
	cmd.Dir = dir
	cmd.Env = env
	f, err := pty.StartWithSize(cmd, &pty.Winsize{Rows: 50, Cols: 200})
	if err != nil {
		t.Fatal(err)
	}
	c := &console{t: t, cmd: cmd, pty: f, done: make(chan struct{})}
	go func() {
		defer close(c.done)
		b := make([]byte, 4096)
		for {
			n, err := f.Read(b)
			c.mu.Lock()
			c.buf.Write(b[:n])
			c.mu.Unlock()
			if err != nil {
				return
			}
		}
	}()
	t.Cleanup(func() {
		c.cmd.Process.Kill()
		c.cmd.Wait()
		f.Close()
	})
	return c
}

// guard bounds every wait on the terminal. It only turns a hang into a
// failure: tests wait for what the terminal shows, never for a time, so a
// loaded machine makes them slower, not red.
const guard = 2 * time.Minute

// screen returns the plain text shown after the mark.
func (c *console) screen() string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return ansi.ReplaceAllString(c.buf.String(), "")[c.mark:]
}

// expect waits until the terminal has shown want after the mark, then moves
// the mark past it.
func (c *console) expect(want string) {
	c.t.Helper()
	deadline := time.Now().Add(guard)
	for {
		if i := strings.Index(c.screen(), want); i >= 0 {
			c.mark += i + len(want)
			return
		}
		if time.Now().After(deadline) {
			c.t.Fatalf("waited %v for %q; the terminal shows:\n%s", guard, want, c.screen())
		}
		time.Sleep(5 * time.Millisecond)
	}
}

var (
	promptAtEnd = regexp.MustCompile(`[\r\n]nnbook> $`)
	contAtEnd   = regexp.MustCompile(`[\r\n] {4}\.\.\. *$`)
)

// waitFor waits until the terminal, after a new line, ends with what end
// matches (a fresh prompt), and moves the mark to the end.
func (c *console) waitFor(end *regexp.Regexp) {
	c.t.Helper()
	deadline := time.Now().Add(guard)
	for {
		s := c.screen()
		if end.MatchString("\n"+s) && strings.Contains(s, "\n") || c.mark == 0 && end.MatchString("\n"+s) {
			c.mark += len(s)
			return
		}
		if time.Now().After(deadline) {
			c.t.Fatalf("waited %v for %v; the terminal shows:\n%s", guard, end, s)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// waitPrompt waits for a fresh "nnbook> " prompt.
func (c *console) waitPrompt() { c.t.Helper(); c.waitFor(promptAtEnd) }

// waitCont waits for a fresh "    ... " continuation prompt.
func (c *console) waitCont() { c.t.Helper(); c.waitFor(contAtEnd) }

// send types keys ("\r" is Enter, "\t" Tab, "\x03" Ctrl-C, "\x04" Ctrl-D).
func (c *console) send(keys string) {
	c.t.Helper()
	if _, err := io.WriteString(c.pty, keys); err != nil {
		c.t.Fatal(err)
	}
}

// enter types a line, Enter, and waits for the next prompt.
func (c *console) enter(line string) {
	c.t.Helper()
	c.send(line + "\r")
	c.waitPrompt()
}

// exit sends Ctrl-D on an empty line and checks that nnbook exits with 0.
func (c *console) exit() {
	c.t.Helper()
	// Wait for the prompt: a Ctrl-D typed while an entry still runs would
	// reach the terminal in cooked mode.
	deadline := time.Now().Add(guard)
	for {
		c.mu.Lock()
		all := ansi.ReplaceAllString(c.buf.String(), "")
		c.mu.Unlock()
		if promptAtEnd.MatchString(all) {
			break
		}
		if time.Now().After(deadline) {
			c.t.Fatalf("no prompt to type Ctrl-D at; the terminal shows:\n%s", all)
		}
		time.Sleep(5 * time.Millisecond)
	}
	c.send("\x04")
	select {
	case <-c.done:
	case <-time.After(guard):
		c.t.Fatal("nnbook did not exit on Ctrl-D")
	}
	if err := c.cmd.Wait(); err != nil {
		c.t.Fatalf("exit after Ctrl-D: %v", err)
	}
}

const prompt = "nnbook> "

func newConsole(t *testing.T) *console {
	dir := t.TempDir()
	c := startConsole(t, dir, filepath.Join(dir, "history"))
	c.waitPrompt()
	return c
}

func TestPTYBannerAndEntry(t *testing.T) {
	dir := t.TempDir()
	c := startConsole(t, dir, filepath.Join(dir, "history"))
	c.expect("nnbook 0.1.0")
	c.waitPrompt()
	c.send("x := 40\r")
	c.waitPrompt()
	c.send("x + 2\r")
	c.expect("42 // int")
	c.waitPrompt()
	c.send("fmt.Println(\"hello\", x)\r")
	c.expect("hello 40")
	c.exit()
}

func TestPTYCompletion(t *testing.T) {
	c := newConsole(t)
	// nnlib. then Tab lists the package's members.
	c.send("nnlib.\t")
	c.expect("WorkedExample")
	c.expect("XOR")
	c.send("\x07\x03") // leave the list, clear the line
	c.waitPrompt()
	// A unique prefix is completed in place.
	c.send("n := nnlib.WorkedExam\t")
	c.expect("nnlib.WorkedExample")
	c.enter("()")
	// A variable's methods.
	c.send("n.Predi\t")
	c.expect("n.Predict")
	c.send("(nnlib.WorkedInput())\r")
	c.waitPrompt()
	c.send("out, _ := n.Predict(nnlib.WorkedInput()); out\r")
	c.expect("[0.7513650695")
	c.exit()
}

func TestPTYMultiLine(t *testing.T) {
	c := newConsole(t)
	c.enter("s := 0")
	c.send("for i := 1; i <= 4; i++ {\r")
	c.waitCont()
	c.send("s += i\r")
	c.waitCont()
	c.send("}") // takes the indent back
	c.expect("    ... }")
	c.send("\r")
	c.waitPrompt()
	c.send("s\r")
	c.expect("10 // int")
	// An invalid entry reports at once instead of waiting for more lines.
	c.send("x := )\r")
	c.expect("1:6:")
	c.waitPrompt()
	// Two empty continuation lines run an unfinished entry (to see its error).
	c.send("fmt.Println(\r")
	c.waitCont()
	c.send("\r")
	c.waitCont()
	c.send("\r")
	c.expect("expected")
	c.waitPrompt()
	// Ctrl-C on a continuation line drops the whole entry.
	c.send("if true {\r")
	c.waitCont()
	c.send("\x03")
	c.waitPrompt()
	c.send("s * 2\r")
	c.expect("20 // int")
	c.exit()
}

func TestPTYInterruptLoop(t *testing.T) {
	c := newConsole(t)
	c.enter("k := 7")
	c.send("fmt.Println(\"loop\" + \"ing\"); for {}\r")
	c.expect("looping") // the loop runs: interrupt it
	start := time.Now()
	c.send("\x03")
	c.expect("interrupted")
	c.waitPrompt()
	t.Logf("for {} stopped %v after Ctrl-C", time.Since(start))
	c.send("k * 6\r")
	c.expect("42 // int")
	// Ctrl-C at the prompt clears the line; Ctrl-D then exits.
	c.send("k := 1000")
	c.send("\x03")
	c.waitPrompt()
	c.send("k\r")
	c.expect("7 // int")
	c.exit()
}

func TestPTYInterruptTraining(t *testing.T) {
	c := newConsole(t)
	c.enter("net := nnlib.New(2, 64, 64, 1)")
	c.enter("d := nnlib.XOR()")
	c.send("fmt.Println(\"train\" + \"ing\"); h, err := net.Fit(d, nnlib.FitOptions{Epochs: 100000000})\r")
	c.expect("training") // the cell runs: interrupt it
	start := time.Now()
	c.send("\x03")
	c.expect("interrupted")
	c.waitPrompt()
	t.Logf("training stopped %v after Ctrl-C", time.Since(start)) // a figure, not a limit: the machine may be loaded
	c.send("net.Sizes()\r")
	c.expect("[2 64 64 1] // []int")
	c.send("out, _ := net.Predict(d.Inputs[0]); len(out)\r")
	c.expect("1 // int")
	c.exit()
}

func TestPTYMeta(t *testing.T) {
	c := newConsole(t)
	c.enter("zz := 3")
	c.send(":vars\r")
	c.expect("zz")
	c.waitPrompt()
	c.send(":frob\r")
	c.expect("unknown command :frob; the commands are :help :doc :vars :reset :load :save :quit")
	c.send(":help\r")
	c.expect("nnlib.WorkedExample()")
	c.waitPrompt()
	c.send(":doc nnlib.WorkedExample\r")
	c.expect("WorkedExample")
	c.waitPrompt()
	c.send(":reset\r")
	c.expect("session reset")
	c.send(":vars\r")
	c.expect("no variables yet")
	c.waitPrompt()
	c.send(":quit\r")
	select {
	case <-c.done:
	case <-time.After(guard):
		t.Fatal("nnbook did not exit on :quit")
	}
}

func TestPTYHistoryAcrossRuns(t *testing.T) {
	dir := t.TempDir()
	hist := filepath.Join(dir, "history")
	c := startConsole(t, dir, hist)
	c.waitPrompt()
	c.enter("hist1 := 11")
	c.send("for i := 0; i < 2; i++ {\r")
	c.waitCont()
	c.send("fmt.Println(\"loop\", i)\r")
	c.waitCont()
	c.send("}\r")
	c.expect("loop 1")
	c.waitPrompt()
	c.exit()

	b, err := os.ReadFile(hist)
	if err != nil {
		t.Fatal(err)
	}
	if lines := strings.Split(strings.TrimSpace(string(b)), "\n"); len(lines) != 2 {
		t.Fatalf("history file holds %d lines, want 2 (the loop is one item):\n%s", len(lines), b)
	}

	c = startConsole(t, dir, hist)
	c.waitPrompt()
	c.send("\x1b[A") // Up: the whole loop, shown on one line
	c.expect("for i := 0; i < 2; i++ {↵")
	c.send("\r")
	c.expect("loop 1")
	c.waitPrompt()
	c.send("\x12hist1 :") // Ctrl-R reverse search
	c.expect("hist1 := 11")
	c.send("\r")
	c.waitPrompt()
	c.send("hist1 + 1\r")
	c.expect("12 // int")
	c.exit()
}

func TestPTYFigure(t *testing.T) {
	dir := t.TempDir()
	c := startConsole(t, dir, filepath.Join(dir, "history"))
	c.waitPrompt()
	c.enter("n := nnlib.New(2, 3, 1)")
	c.enter("h, _ := n.Fit(nnlib.XOR(), nnlib.FitOptions{Epochs: 3})")
	c.send("plot.Loss(h)\r")
	c.expect(filepath.Join("nnbook-plots", "fig-1.png"))
	if _, err := os.Stat(filepath.Join(dir, "nnbook-plots", "fig-1.png")); err != nil {
		t.Error(err)
	}
	c.exit()
}

func TestPTYFigureInline(t *testing.T) {
	dir := t.TempDir()
	c := startConsole(t, dir, filepath.Join(dir, "history"), "--inline=kitty", "--plots", "out")
	c.waitPrompt()
	c.enter("n := nnlib.New(2, 3, 1)")
	c.enter("h, _ := n.Fit(nnlib.XOR(), nnlib.FitOptions{Epochs: 3})")
	c.send("plot.Loss(h)\r")
	c.expect(filepath.Join("out", "fig-1.png"))
	c.waitPrompt()
	c.mu.Lock()
	raw := c.buf.String()
	c.mu.Unlock()
	if !strings.Contains(raw, "\x1b_Ga=T,f=100,") {
		t.Error("no kitty graphics sequence in the output")
	}
	c.exit()
}
