package jupyter

import (
	"path/filepath"
	"testing"
	"time"
)

// TestConnectionFileAddress starts the built kernel through jupyter_client
// with connection files naming another loopback address (127.0.0.2, as a
// pod's 0.0.0.0 or a remote launcher's address would be) and the ipc
// transport: the kernel must answer there and listen nowhere else.
func TestConnectionFileAddress(t *testing.T) {
	requirePython(t, "jupyter_client")
	env := jupyterEnv(t)
	for _, c := range []struct{ transport, ip string }{
		{"tcp", "127.0.0.2"},
		{"ipc", filepath.Join(t.TempDir(), "kernel")},
	} {
		t.Run(c.transport, func(t *testing.T) {
			out, err := runPython(t, env, 2*time.Minute, "check_connection.py", c.transport, c.ip)
			t.Log("\n" + out)
			if err != nil {
				t.Fatal(err)
			}
		})
	}
}

// TestListenError checks that a kernel that cannot listen where its
// connection file says names the endpoint as the file gives it.
func TestListenError(t *testing.T) {
	ip := filepath.Join(t.TempDir(), "missing", "kernel")
	conn := ConnectionInfo{Transport: "ipc", IP: ip, ShellPort: 1, IOPubPort: 2, StdinPort: 3, ControlPort: 4, HBPort: 5, SignatureScheme: "hmac-sha256"}
	_, err := NewKernel(&conn, nil, nil)
	if err == nil {
		t.Fatalf("NewKernel listened on ipc://%s-1 in a missing directory", ip)
	}
	want := "shell socket: cannot listen on ipc://" + ip + "-1 (the connection file's transport, ip and shell_port): listen unix " + ip + "-1: bind: no such file or directory"
	if err.Error() != want {
		t.Errorf("got  %v\nwant %s", err, want)
	}
}
