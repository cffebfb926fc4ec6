package jupyter

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime/debug"
	"strings"
	"syscall"
	"time"

	"github.com/nnbook/nnbook/internal/atomicfile"
	"github.com/nnbook/nnbook/kernel"
)

const usage = `usage:
  nnbook kernel --connection-file FILE       run the kernel (what Jupyter starts)
  nnbook kernel install [--user | --sys-prefix | --prefix DIR] [--name NAME] [--display-name TEXT]
  nnbook kernel uninstall [--user | --sys-prefix | --prefix DIR] [--name NAME]
`

// kernelGCPercent is the kernel's garbage-collection target unless GOGC is
// set in its environment.
const kernelGCPercent = 50

// Main runs "nnbook kernel ARGS..." (args are what follows "kernel") and
// returns the exit status: 0 on success, 1 on failure, 2 on a usage error.
func Main(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	switch args[0] {
	case "install":
		return installMain(args[1:], stdout, stderr)
	case "uninstall":
		return uninstallMain(args[1:], stdout, stderr)
	case "help", "-h", "--help", "-help":
		fmt.Fprint(stdout, usage)
		return 0
	}
	var file string
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "--connection-file" || a == "-f" || a == "-connection-file":
			if i+1 >= len(args) {
				fmt.Fprintf(stderr, "nnbook kernel: %s wants a file name\n%s", a, usage)
				return 2
			}
			i++
			file = args[i]
		case strings.HasPrefix(a, "--connection-file="):
			file = strings.TrimPrefix(a, "--connection-file=")
		default:
			fmt.Fprintf(stderr, "nnbook kernel: unknown argument %q\n%s", a, usage)
			return 2
		}
	}
	if file == "" {
		fmt.Fprintf(stderr, "nnbook kernel: --connection-file is required\n%s", usage)
		return 2
	}
	if err := Serve(file, stderr); err != nil {
		fmt.Fprintf(stderr, "nnbook kernel: %v\n", err)
		return 1
	}
	return 0
}

// Serve runs a kernel for the connection file until it is shut down (by a
// shutdown_request, SIGTERM or SIGHUP). SIGINT interrupts the running cell.
// The engine starts in the background so that kernel_info is answered at once.
func Serve(connectionFile string, logw io.Writer) error {
	conn, err := ReadConnectionFile(connectionFile)
	if err != nil {
		return err
	}
	// Cells cannot read the kernel's stdin (Jupyter leaves it a pipe that
	// never delivers): reading it gives end of file rather than a hang.
	if f, err := os.Open(os.DevNull); err == nil {
		os.Stdin = f
	}
	if os.Getenv("GOGC") == "" {
		// A kernel lives for hours beside a browser: collecting at 50%
		// growth instead of 100% keeps its peak RSS about 4 MiB lower
		// (bench_kernel.py: 38 -> 34 MiB) at no measurable cost per cell.
		debug.SetGCPercent(kernelGCPercent)
	}
	// What starting the process touched is dropped before the engine
	// starts, and what starting the engine touched once it has
	// (release_linux.go): the kernel's resident set is then what its cells
	// use.
	releaseStartupPages(false)
	eng := newLazyEngine(func() (Engine, error) {
		e, err := kernel.New()
		releaseStartupPages(true)
		return e, err
	})
	zeroPort := conn.ShellPort == 0 || conn.IOPubPort == 0 || conn.StdinPort == 0 || conn.ControlPort == 0 || conn.HBPort == 0
	k, err := NewKernel(&conn, eng, logw)
	if err != nil {
		return err
	}
	if zeroPort {
		// The system chose some ports: tell the client, as ipykernel does.
		if err := writeConnectionFile(connectionFile, conn); err != nil {
			k.log.Printf("could not write the chosen ports back to the connection file: %v", err)
		}
	}
	k.signals = true
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, syscall.SIGHUP)
	defer stop()
	ctx, orphaned := context.WithCancel(ctx)
	go watchParent(ctx, orphaned, k)
	return k.Run(ctx)
}

// watchParent stops the kernel when the process that started it goes away
// (its parent changes), so a crashed Jupyter server leaves no kernel behind.
func watchParent(ctx context.Context, stop context.CancelFunc, k *Kernel) {
	ppid := os.Getppid()
	t := time.NewTicker(time.Second)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			if p := os.Getppid(); p != ppid {
				k.log.Printf("parent process %d is gone; exiting", ppid)
				stop()
				return
			}
		}
	}
}

// writeConnectionFile rewrites a connection file with the ports in use.
func writeConnectionFile(path string, c ConnectionInfo) error {
	b, err := json.MarshalIndent(c, "", "  ")
	if err != nil {
		return err
	}
	return atomicfile.WriteFile(path, append(b, '\n'), 0o600)
}
