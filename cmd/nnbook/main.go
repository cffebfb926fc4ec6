// Command nnbook is a Go notebook kernel and REPL for learning neural
// networks, with the nnlib network library preloaded.
//
//	nnbook                  interactive Go prompt (a script when stdin is not a terminal)
//	nnbook run FILE...      run notebooks and // %% scripts headlessly
//	nnbook kernel ...       the Jupyter kernel; nnbook kernel install registers it
//	nnbook help [COMMAND]   help
//	nnbook version          version
package main

import (
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/debug"
	"strings"
	"text/tabwriter"

	"github.com/nnbook/nnbook/kernel"
	"github.com/nnbook/nnbook/kernel/jupyter"
	"github.com/nnbook/nnbook/notebooks"
	"github.com/nnbook/nnbook/repl"
)

func main() {
	// A fatal Go error in a cell (stack overflow) cannot be recovered: the
	// REPL and the runner run as a supervised child, so that nnbook can say
	// what happened. The Jupyter kernel does not: a second process would
	// double its memory, and the runtime's own report ("fatal error: …")
	// already goes to the kernel's stderr, the Jupyter server's log, before
	// the server restarts the kernel.
	if len(os.Args) < 2 || os.Args[1] != "kernel" {
		if status, ok := kernel.Supervise("nnbook"); ok {
			os.Exit(status)
		}
	}
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// A command is one entry of nnbook's command table; help is generated from it.
type command struct {
	name  string
	args  string // usage after the name
	short string // one line for the command list
	long  string // text for "nnbook help NAME"
	main  func(args []string, stdin io.Reader, stdout, stderr io.Writer) int
}

// commands is the table run dispatches on. The REPL is also the default
// when no command is given.
var commands []command

func init() {
	commands = []command{
		{name: "repl", args: "[--plots DIR] [--inline] [--no-color]", short: "interactive Go prompt with nnlib (the default)",
			long: repl.Usage, main: repl.Main},
		{name: "run", args: "[flags] FILE...", short: "run notebooks (.ipynb) and // %% scripts headlessly, or a Go program",
			long: "usage: nnbook run [flags] FILE...\n\nRuns notebooks and \"// %%\" Go scripts with the nnbook engine and writes\nthem with their outputs; runs a Go file without \"// %%\" lines as 'go run'\ndoes. 'nnbook run -h' lists the flags.\n",
			main: notebooks.Main},
		{name: "kernel", args: "[--connection-file F | install | uninstall]", short: "Jupyter kernel; 'nnbook kernel install' registers it",
			long: "usage: nnbook kernel --connection-file FILE\n       nnbook kernel install [flags]\n       nnbook kernel uninstall [flags]\n\nRuns nnbook as a Jupyter kernel (JupyterLab, Notebook, VS Code, jupyter\nconsole), or installs its kernelspec \"nnbook\" (display name \"Go (nnbook)\").\nRun from Go's build cache (go run), install copies nnbook into the\nkernelspec; 'go install github.com/nnbook/nnbook/cmd/nnbook@latest' installs\nit for good. 'nnbook kernel help' lists the flags.\n",
			main: jupyter.Main},
		doctorCommand,
		{name: "help", args: "[COMMAND]", short: "this help, or a command's",
			long: "usage: nnbook help [COMMAND]\n\nPrints nnbook's commands, or the help of one command.\n", main: helpMain},
		{name: "version", short: "print nnbook's version",
			long: "usage: nnbook version\n\nPrints the version of nnbook, of Go and of the interpreter.\n", main: versionMain},
	}
}

// run is the whole program: it returns the exit status (2 for usage errors).
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 || strings.HasPrefix(args[0], "-") {
		switch {
		case len(args) > 0 && (args[0] == "-h" || args[0] == "-help" || args[0] == "--help"):
			return helpMain(nil, stdin, stdout, stderr)
		case len(args) > 0 && (args[0] == "-version" || args[0] == "--version"):
			return versionMain(nil, stdin, stdout, stderr)
		}
		return repl.Main(args, stdin, stdout, stderr)
	}
	if c := lookup(args[0]); c != nil {
		return c.main(args[1:], stdin, stdout, stderr)
	}
	fmt.Fprintf(stderr, "nnbook: unknown command %q; run 'nnbook help'\n", args[0])
	return 2
}

func lookup(name string) *command {
	for i := range commands {
		if commands[i].name == name {
			return &commands[i]
		}
	}
	return nil
}

// helpMain is "nnbook help [COMMAND]".
func helpMain(args []string, _ io.Reader, stdout, stderr io.Writer) int {
	switch len(args) {
	case 0:
		fmt.Fprint(stdout, "nnbook is a Go notebook kernel and REPL for learning neural networks.\n\nUsage:\n\n\tnnbook [COMMAND] [ARGUMENTS]\n\nCommands:\n\n")
		tw := tabwriter.NewWriter(stdout, 0, 0, 3, ' ', 0)
		for _, c := range commands {
			fmt.Fprintf(tw, "\t%s\t%s\n", c.name, c.short)
		}
		tw.Flush()
		fmt.Fprint(stdout, "\nWith no command nnbook starts the REPL; 'nnbook < script.go' runs a script.\nRun 'nnbook help COMMAND' for more about a command.\n")
		return 0
	case 1:
		c := lookup(args[0])
		if c == nil {
			fmt.Fprintf(stderr, "nnbook help: unknown command %q; run 'nnbook help'\n", args[0])
			return 2
		}
		fmt.Fprint(stdout, c.long)
		return 0
	}
	fmt.Fprintln(stderr, "usage: nnbook help [COMMAND]")
	return 2
}

// versionMain is "nnbook version".
func versionMain(args []string, _ io.Reader, stdout, stderr io.Writer) int {
	if len(args) > 0 {
		fmt.Fprintln(stderr, "usage: nnbook version")
		return 2
	}
	yaegi := "yaegi"
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, d := range bi.Deps {
			if d.Path == "github.com/traefik/yaegi" {
				yaegi += " " + d.Version
			}
		}
	}
	fmt.Fprintf(stdout, "nnbook %s (%s, %s, %s/%s)\n", kernel.Version, runtime.Version(), yaegi, runtime.GOOS, runtime.GOARCH)
	return 0
}
