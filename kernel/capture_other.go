//go:build !unix

package kernel

// Without unix pipes and poll(2) the process's os.Stdout and os.Stderr are
// not redirected: interpreted fmt.Print* output (and yaegi's stderr) is
// still captured, but what compiled code such as nnlib writes to os.Stdout
// goes straight to the process's standard output.

// pipeState holds back an incomplete UTF-8 sequence of a stream.
type pipeState struct {
	carry []byte
}

func startCapture() error { return nil }

// redirectLocked leaves os.Stdout/os.Stderr alone.
func (c *captureState) redirectLocked() {}

// drainLocked has no pipes to read.
func (c *captureState) drainLocked() {}
