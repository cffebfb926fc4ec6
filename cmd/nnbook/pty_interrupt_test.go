package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// ptyBlocking are entries that print "started", block for 1.5 s (or for
// ever) in each way a cell can, and then would write their variable.
var ptyBlocking = []struct{ name, code string }{
	{"time.Sleep", "time.Sleep(1500 * time.Millisecond)"},
	{"time.After", "<-time.After(1500 * time.Millisecond)"},
	{"timer", "tm := time.NewTimer(1500 * time.Millisecond); <-tm.C"},
	{"ticker", "tk := time.NewTicker(1500 * time.Millisecond); for range tk.C { break }"},
	{"channel receive", "ch := make(chan int); <-ch"},
	{"channel send", "ch := make(chan int); ch <- 1"},
	{"select", "ch := make(chan int); select { case <-ch: case <-time.After(1500 * time.Millisecond): }"},
	{"empty select", "select {}"},
	{"WaitGroup.Wait", "var wg sync.WaitGroup; wg.Add(1); time.AfterFunc(1500 * time.Millisecond, wg.Done); wg.Wait()"},
	{"context wait", "c, stop := context.WithTimeout(context.Background(), 1500 * time.Millisecond); defer stop(); <-c.Done()"},
	{"goroutine's sleep", "done := make(chan bool); go func() { time.Sleep(1500 * time.Millisecond); done <- true }(); <-done"},
}

// TestPTYInterruptBlocking presses Ctrl-C in every kind of blocking call:
// each entry reports "interrupted", and none writes its variable later
// (read after the block would have ended). Ctrl-C-to-prompt times are
// logged, not asserted.
func TestPTYInterruptBlocking(t *testing.T) {
	c := newConsole(t)
	c.enter(`import "sync"`)
	c.enter(`import "context"`)
	var names []string
	for i := range ptyBlocking {
		names = append(names, fmt.Sprintf("g%d", i))
	}
	c.enter("var " + strings.Join(names, ", ") + " int")
	for i, b := range ptyBlocking {
		c.send(fmt.Sprintf("fmt.Println(\"started\"); %s; g%d = 1\r", b.code, i))
		c.expect("started\r\n")
		start := time.Now()
		c.send("\x03")
		c.expect("interrupted")
		c.waitPrompt()
		t.Logf("%s: Ctrl-C to prompt %v", b.name, time.Since(start))
		// A bounded block would end 1.5 s after it started: read the
		// variable after that (a later interrupt would stop the entry's
		// leftovers again, so each case is checked on its own).
		wait := ""
		if strings.Contains(b.code, "1500") {
			wait = "time.Sleep(1600 * time.Millisecond); "
		}
		c.send(fmt.Sprintf("%sfmt.Println(\"late:\", g%d)\r", wait, i))
		c.expect("late: 0")
		c.waitPrompt()
	}
	c.exit()
}

// TestPTYVarsAfterInterruptedFit checks that :vars lists every variable
// after Ctrl-C during training.
func TestPTYVarsAfterInterruptedFit(t *testing.T) {
	c := newConsole(t)
	c.enter("net := nnlib.New(2, 64, 64, 1)")
	c.enter("d := nnlib.XOR()")
	c.send("fmt.Println(\"started\"); h, err := net.Fit(d, nnlib.FitOptions{Epochs: 100000000})\r")
	c.expect("started\r\n")
	start := time.Now()
	c.send("\x03")
	c.expect("interrupted")
	c.waitPrompt()
	t.Logf("Fit: Ctrl-C to prompt %v", time.Since(start))
	c.send(":vars\r")
	c.expect("d")
	c.waitPrompt()
	c.mu.Lock()
	all := ansi.ReplaceAllString(c.buf.String(), "")
	c.mu.Unlock()
	tail := all[strings.LastIndex(all, ":vars"):]
	if !strings.Contains(tail, "net") || !strings.Contains(tail, "*nnlib.Network") || strings.Contains(tail, "no variables yet") {
		t.Errorf(":vars after Ctrl-C during Fit:\n%s", tail)
	}
	c.exit()
}

// TestPTYAfterFuncPanic checks that a panic in a time.AfterFunc callback
// is reported and the REPL goes on.
func TestPTYAfterFuncPanic(t *testing.T) {
	c := newConsole(t)
	c.enter(`time.AfterFunc(time.Millisecond, func() { panic("boom") }); time.Sleep(100 * time.Millisecond)`)
	c.send("1 + 1\r")
	c.expect("2 // int")
	if !strings.Contains(c.screenAll(), "panic: boom") {
		t.Errorf("no report of the panic:\n%s", c.screenAll())
	}
	c.exit()
}

// screenAll returns everything the terminal showed, as plain text.
func (c *console) screenAll() string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return ansi.ReplaceAllString(c.buf.String(), "")
}

// TestPTYFatalError checks that the REPL says what happened when a cell
// ends the process with a fatal Go error, and exits with status 2.
func TestPTYFatalError(t *testing.T) {
	c := newConsole(t)
	c.send("m := map[int]int{}; for i := 0; i < 4; i++ { go func() { for j := 0; ; j++ { m[j] = j } }() }; select {}\r")
	c.expect("nnbook: the session ended: fatal error: concurrent map access")
	<-c.done
	err := c.cmd.Wait()
	if code := c.cmd.ProcessState.ExitCode(); code != 2 {
		t.Errorf("exit %v, want status 2", err)
	}
}

// TestPTYInterruptUnstoppable presses Ctrl-C in a compiled call that does
// not watch the interrupt: the REPL names it, and the next entry waits for
// it and sees that the interrupted entry stopped.
func TestPTYInterruptUnstoppable(t *testing.T) {
	// Opening a FIFO blocks in compiled code until the test opens its
	// other end: the call ends when the test says, not after a delay.
	fifo := filepath.Join(t.TempDir(), "fifo")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	c := newConsole(t)
	c.enter("late := 0")
	c.send("fmt.Println(\"started\"); f, _ := os.Open(`" + fifo + "`); late = 1; f.Close()\r")
	c.expect("started\r\n")
	start := time.Now()
	c.send("\x03")
	c.expect("still inside os.Open")
	c.waitPrompt()
	t.Logf("Ctrl-C to prompt %v", time.Since(start))
	c.send("late\r")
	c.expect("waiting for the interrupted cell to stop")
	w, err := os.OpenFile(fifo, os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	w.Close()
	c.expect("0 // int")
	c.waitPrompt()
	c.exit()
}
