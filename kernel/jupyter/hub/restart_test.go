package hub

import (
	"context"
	"errors"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestKernelKilledMidSession kills a learner's nnbook kernel (SIGKILL) in
// the middle of a long Fit. The cell that was running must end with the
// server's "restarting" word instead of hanging, the server must start a
// new kernel, the learner's next cell must get a clear error (its
// variables died with the old kernel), and the cell after that must work.
func TestKernelKilledMidSession(t *testing.T) {
	h := startHub(t)
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	l, err := h.addLearner(ctx, "killed")
	if err != nil {
		t.Fatal(err)
	}
	k, err := l.startKernel(ctx, nnbookKind.spec)
	if err != nil {
		t.Fatal(err)
	}
	defer k.close()
	r, _, err := k.execute(ctx, "x := 41")
	if err != nil || replyError(r) != "" {
		t.Fatalf("x := 41: %v %s", err, replyError(r))
	}

	// Long enough to be killed in the middle: its live figure says it runs.
	const longFit = `net, _ := nnlib.Build([]int{2, 8, 1}, nnlib.WithSeed(1))
net.Fit(nnlib.XOR(), nnlib.FitOptions{Epochs: 100000000})`
	id, running, err := k.send("execute_request", executeContent(longFit))
	if err != nil {
		t.Fatal(err)
	}
	select {
	case <-running.output:
	case <-ctx.Done():
		t.Fatalf("the long Fit showed nothing: %v", ctx.Err())
	}
	old := k.pid
	if err := syscall.Kill(old, syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	if _, err := k.wait(ctx, id, running); !errors.Is(err, errKernelRestarted) {
		t.Fatalf("the running cell after its kernel was killed: got %v, want %v", err, errKernelRestarted)
	}
	k.close()
	if err := k.connect(ctx); err != nil {
		t.Fatalf("connecting again after the restart: %v", err)
	}
	pid, err := kernelPID(k.id)
	if err != nil {
		t.Fatalf("after the restart: %v", err)
	}
	h.track(pid, k.id)
	if pid == old {
		t.Fatalf("kernel %s still runs as pid %d after SIGKILL", k.id, pid)
	}

	r, _, err = k.execute(ctx, "x + 1")
	if err != nil {
		t.Fatalf("the next cell after the restart: %v (want a reply with an error)", err)
	}
	e := replyError(r)
	if !strings.Contains(e, "undefined: x") {
		t.Errorf("the next cell after the restart: got %q, want an error naming undefined: x", e)
	}
	r, _, err = k.execute(ctx, "y := 1\ny + 1")
	if err != nil || replyError(r) != "" {
		t.Fatalf("a cell on the new kernel: %v %s", err, replyError(r))
	}
	if got := resultText(r); got != "2" {
		t.Errorf("y + 1 on the new kernel = %q, want 2", got)
	}
	k.mu.Lock()
	t.Logf("kernel pid %d → %d; statuses from the server: %v; the next cell's error: %s", old, pid, k.serverStatus, e)
	k.mu.Unlock()
}

// resultText returns the text/plain of r's execute_result.
func resultText(r *request) string {
	for _, m := range r.outputs {
		if m.Header.MsgType == "execute_result" {
			data, _ := m.Content["data"].(map[string]any)
			s, _ := data["text/plain"].(string)
			return s
		}
	}
	return ""
}
