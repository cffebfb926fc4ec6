package jupyter

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// TestBinaryOwnPorts starts the built binary the way Jupyter does, with a
// connection file whose ports are 0: the kernel picks ports, writes them back,
// binds only to the file's ip, runs a real cell and exits on shutdown_request.
// It needs no Python.
func TestBinaryOwnPorts(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: skipping the test that builds the binary")
	}
	bin := kernelBinary(t)
	file := filepath.Join(t.TempDir(), "kernel-test.json")
	if err := os.WriteFile(file, []byte(`{"ip":"127.0.0.1","transport":"tcp","key":"k-123","signature_scheme":"hmac-sha256",
		"shell_port":0,"iopub_port":0,"stdin_port":0,"control_port":0,"hb_port":0}`), 0o600); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, "kernel", "--connection-file", file)
	var stderr syncBuffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	var waitErr error
	exited := make(chan struct{})
	go func() { waitErr = cmd.Wait(); close(exited) }()
	defer func() {
		select {
		case <-exited:
		default:
			cmd.Process.Kill()
			<-exited
		}
	}()
	var conn ConnectionInfo
	deadline := time.Now().Add(guard)
	for {
		b, _ := os.ReadFile(file)
		var err error
		if conn, err = ParseConnectionInfo(b); err == nil && conn.ShellPort != 0 && conn.HBPort != 0 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the kernel never wrote its ports back; file %s, stderr %s", b, stderr.String())
		}
		time.Sleep(20 * time.Millisecond)
	}
	if conn.Key != "k-123" || conn.IP != "127.0.0.1" {
		t.Errorf("rewritten connection file lost fields: %s", conn)
	}
	c := connectClient(t, conn)
	reply, msgs := c.execute("x := 6 * 7\nx", nil)
	var result string
	for _, m := range msgs {
		if m.Header.MsgType == "execute_result" {
			result = content(m)["data"].(map[string]any)["text/plain"].(string)
		}
	}
	if content(reply)["status"] != "ok" || result != "42" {
		t.Errorf("cell: reply %v, result %q", content(reply), result)
	}
	// Listening on 127.0.0.1 only (checked through /proc when there is one).
	if b, err := os.ReadFile("/proc/net/tcp"); err == nil {
		if strings.Contains(string(b), " 00000000:"+hexPort(conn.ShellPort)+" ") {
			t.Errorf("shell port %d is bound on 0.0.0.0", conn.ShellPort)
		}
		if !strings.Contains(string(b), " 0100007F:"+hexPort(conn.ShellPort)+" ") {
			t.Errorf("shell port %d not found bound on 127.0.0.1 in /proc/net/tcp", conn.ShellPort)
		}
	}
	c.request(c.control, "shutdown_request", map[string]any{"restart": false})
	c.wait(c.controlC, "shutdown_reply", guard)
	select {
	case <-exited:
		if waitErr != nil {
			t.Errorf("kernel exit: %v\n%s", waitErr, stderr.String())
		}
	case <-time.After(guard):
		t.Fatal("kernel did not exit after shutdown_request")
	}
	if strings.Contains(stderr.String(), "k-123") {
		t.Errorf("the log shows the key: %s", stderr.String())
	}
	var raw map[string]any
	b, _ := os.ReadFile(file)
	json.Unmarshal(b, &raw)
	if raw["key"] != "k-123" {
		t.Errorf("connection file after the run: %s", b)
	}
}

func hexPort(p int) string {
	const digits = "0123456789ABCDEF"
	return string([]byte{digits[p>>12&15], digits[p>>8&15], digits[p>>4&15], digits[p&15]})
}

// syncBuffer is a strings.Builder safe for a writer goroutine and a reader.
type syncBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}
