// Command testkernel is a stand-in for "nnbook kernel ..." used by the
// jupyter package's tests while cmd/nnbook is not there: its arguments are
// the ones after "kernel".
package main

import (
	"os"

	"github.com/nnbook/nnbook/kernel/jupyter"
)

func main() {
	args := os.Args[1:]
	if len(args) > 0 && args[0] == "kernel" {
		args = args[1:]
	}
	os.Exit(jupyter.Main(args, os.Stdin, os.Stdout, os.Stderr))
}
