package jupyter

import (
	"strings"
	"testing"
	"time"
)

// TestInterruptBlockingWithJupyterClient interrupts cells inside every kind
// of blocking call through jupyter_client (interrupt_request and SIGINT)
// and checks that none of them writes its variable afterwards; the
// interrupt-to-idle times are logged (testdata/check_interrupt.py).
func TestInterruptBlockingWithJupyterClient(t *testing.T) {
	checkInterrupt(t, "blocking")
}

// TestInterruptUnstoppableWithJupyterClient interrupts a cell inside a
// compiled call that does not watch the cell's context: the reply names it,
// completion still works, and the next cell waits for the call and then
// sees that the interrupted cell stopped.
func TestInterruptUnstoppableWithJupyterClient(t *testing.T) {
	checkInterrupt(t, "unstoppable")
}

// TestInterruptGradCheckWithJupyterClient interrupts nnlib.GradCheck on a
// 784-128-10 network (issue 15's case): a later cell finds every parameter
// as before and the result never assigned.
func TestInterruptGradCheckWithJupyterClient(t *testing.T) {
	checkInterrupt(t, "gradcheck")
}

// TestAfterFuncPanicWithJupyterClient checks that a panic in a
// time.AfterFunc callback does not kill the kernel.
func TestAfterFuncPanicWithJupyterClient(t *testing.T) {
	checkInterrupt(t, "afterfunc")
}

// TestFatalErrorWithJupyterClient checks that a kernel ended by a fatal Go
// error logs the reason on its stderr (the runtime's own report: the kernel
// runs unsupervised, see cmd/nnbook's main).
func TestFatalErrorWithJupyterClient(t *testing.T) {
	out := checkInterrupt(t, "fatal")
	if !strings.Contains(out, "fatal error: concurrent map") {
		t.Error("the kernel's stderr does not name the fatal error")
	}
}

func checkInterrupt(t *testing.T, what string) string {
	requirePython(t, "jupyter_client")
	env := jupyterEnv(t)
	out, err := runPython(t, env, 3*time.Minute, "check_interrupt.py", what)
	t.Log("\n" + out)
	if err != nil {
		t.Fatal(err)
	}
	return out
}
