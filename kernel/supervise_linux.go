package kernel

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"os/signal"
	"runtime"
	"runtime/debug"
	"strings"
	"syscall"

	"golang.org/x/sys/unix"
)

// Fatal errors.
//
// A Go fatal error (stack overflow, concurrent map writes, out of memory)
// cannot be recovered: the runtime prints the reason and a goroutine dump
// and exits with status 2. A cell can cause one (a recursion without end),
// so Supervise runs the program as a child of itself: the child sends its
// crash report (debug.SetCrashOutput) through a pipe, and when it dies the
// parent writes one line saying what happened, after the runtime's dump,
// and exits with the child's status. The parent forwards the signals a
// terminal would not also deliver to the child (a Jupyter interrupt by
// SIGINT, SIGTERM); the child dies with the parent (PR_SET_PDEATHSIG).

// supervisedEnv marks the child.
const supervisedEnv = "NNBOOK_SUPERVISED"

// crashFD is the child's descriptor of the crash pipe (ExtraFiles[0]).
const crashFD = 3

// Supervise runs the current program again as a supervised child and
// returns its exit status with supervised true; in the child (or when the
// child cannot be started) it returns supervised false and the caller goes
// on. name starts the line reporting a fatal error ("nnbook",
// "nnbook kernel").
func Supervise(name string) (status int, supervised bool) {
	if os.Getenv(supervisedEnv) == "1" {
		os.Unsetenv(supervisedEnv)
		// Descriptor 3 is the parent's pipe; anything else (the variable
		// set by hand) is left alone.
		if f := os.NewFile(crashFD, "crash"); f != nil {
			if fi, err := f.Stat(); err == nil && fi.Mode()&os.ModeNamedPipe != 0 {
				if debug.SetCrashOutput(f, debug.CrashOptions{}) == nil {
					f.Close() // SetCrashOutput keeps its own descriptor
				}
			}
		}
		return 0, false
	}
	exe, err := os.Executable()
	if err != nil {
		return 0, false
	}
	r, w, err := os.Pipe()
	if err != nil {
		return 0, false
	}
	cmd := exec.Command(exe, os.Args[1:]...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
	cmd.Env = append(os.Environ(), supervisedEnv+"=1")
	cmd.ExtraFiles = []*os.File{w}
	keyboard := inForeground()
	// At a terminal the child stays in the terminal's foreground process
	// group (it reads the terminal; Ctrl-C reaches it directly). Elsewhere
	// it gets a group of its own, so that a signal sent to the parent's
	// group (Jupyter interrupts a kernel with killpg) reaches the child
	// once, through the parent.
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL, Setpgid: !keyboard}
	// The child dies when the thread that started it ends (Pdeathsig), so
	// that thread stays this goroutine's until the child has exited.
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	sigs := make(chan os.Signal, 8)
	signal.Notify(sigs, syscall.SIGINT, syscall.SIGTERM, syscall.SIGHUP, syscall.SIGQUIT)
	defer signal.Stop(sigs)
	if err := cmd.Start(); err != nil {
		signal.Stop(sigs)
		r.Close()
		w.Close()
		return 0, false
	}
	w.Close()
	crash := make(chan []byte, 1)
	go func() {
		b, _ := io.ReadAll(io.LimitReader(r, 64<<10))
		io.Copy(io.Discard, r)
		crash <- b
	}()
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	for {
		select {
		case s := <-sigs:
			if keyboard && (s == syscall.SIGINT || s == syscall.SIGQUIT) {
				continue // the terminal sent it to the child too
			}
			cmd.Process.Signal(s)
		case err := <-exited:
			report := <-crash
			r.Close()
			return childStatus(name, err, report), true
		}
	}
}

// inForeground reports whether the process is in its terminal's foreground
// process group, where keyboard signals reach every member.
func inForeground() bool {
	for _, fd := range []int{0, 2} {
		pgrp, err := unix.IoctlGetInt(fd, unix.TIOCGPGRP)
		if err == nil {
			return pgrp == unix.Getpgrp()
		}
	}
	return false
}

// childStatus returns the child's exit status, after writing what ended it
// when that was a fatal error or a signal.
func childStatus(name string, err error, report []byte) int {
	var ee *exec.ExitError
	if err == nil {
		return 0
	}
	if !errors.As(err, &ee) {
		fmt.Fprintf(os.Stderr, "%s: %v\n", name, err)
		return 1
	}
	if reason := fatalReason(report); reason != "" {
		fmt.Fprintf(os.Stderr, "%s: the session ended: %s. Go cannot recover from this error, so the session's variables are lost.\n", name, reason)
		return ee.ExitCode()
	}
	if ws, ok := ee.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
		sig := ws.Signal()
		if sig == syscall.SIGKILL {
			fmt.Fprintf(os.Stderr, "%s: the session was killed (%v; the system may have run out of memory)\n", name, sig)
		} else if sig != syscall.SIGINT && sig != syscall.SIGTERM && sig != syscall.SIGHUP {
			fmt.Fprintf(os.Stderr, "%s: the session was killed (%v)\n", name, sig)
		}
		return 128 + int(sig)
	}
	return ee.ExitCode()
}

// fatalReason names the error of a crash report. The runtime writes its
// "fatal error: …" line to standard error only (the crash output starts
// after it), so for fatal errors the reason is read from the stack of the
// failing goroutine; an unrecovered panic's "panic: …" line is there.
func fatalReason(report []byte) string {
	s := string(report)
	for _, line := range strings.Split(s, "\n") {
		if strings.HasPrefix(line, "panic: ") {
			return line
		}
	}
	switch {
	case s == "":
		return ""
	case strings.Contains(s, "runtime.newstack("):
		return "fatal error: stack overflow (a recursion that never ends?)"
	case strings.Contains(s, "maps.fatal(") || strings.Contains(s, "runtime.mapaccess") && strings.Contains(s, "runtime.fatal("):
		return "fatal error: concurrent map access (goroutines writing one map without a lock)"
	case strings.Contains(s, "out of memory") || strings.Contains(s, "runtime.sysMap(") || strings.Contains(s, "runtime.(*mheap).grow("):
		return "fatal error: out of memory"
	}
	return "a fatal error of the Go runtime (its report is above)"
}
